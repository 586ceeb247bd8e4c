using System.Globalization;
using System.Text;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Fields;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Protocol.Fields;

public class GoodsNameTests
{
    private static int TextElements(string text) => new StringInfo(text).LengthInTextElements;

    [Test]
    public void The_default_template_names_the_order()
    {
        Assert.That(GoodsName.ForOrder(null, "10025"), Is.EqualTo("Order 10025"));
    }

    [Test]
    public void Placeholders_are_filled_case_insensitively_and_unknown_ones_stay_visible()
    {
        var name = GoodsName.Render("Shop {ordernumber} {Typo}", new Dictionary<string, string?> { ["OrderNumber"] = "77" });

        Assert.That(name, Is.EqualTo("Shop 77 {Typo}"));
    }

    [Test]
    public void Forbidden_and_control_characters_are_stripped_and_whitespace_collapsed()
    {
        Assert.That(GoodsName.Clean("  A&B=C+D%E#F?G\"H'I<J>K\\L \t\r\n M\u0000N\u0007  "), Is.EqualTo("ABCDEFGHIJKL MN"));
    }

    [Test]
    public void Non_breaking_and_ideographic_spaces_collapse_like_ascii_spaces()
    {
        Assert.That(GoodsName.Clean("A\u00A0\u3000B"), Is.EqualTo("A B"));
    }

    [Test]
    public void Nothing_printable_gives_null_so_no_empty_field_is_sent()
    {
        Assert.Multiple(() =>
        {
            Assert.That(GoodsName.Clean("  &&  "), Is.Null);
            Assert.That(GoodsName.Clean(null), Is.Null);
        });
    }

    [Test]
    public void Ascii_text_is_cut_to_20_characters_without_a_trailing_space()
    {
        Assert.That(GoodsName.Clean("Order 12345678901234 tail"), Is.EqualTo("Order 12345678901234"));
        Assert.That(GoodsName.Clean("Order 1234567890123 tail"), Is.EqualTo("Order 1234567890123"), "a cut just after a space is trimmed");
    }

    [Test]
    public void Cjk_text_is_cut_to_20_characters_within_64_bytes()
    {
        var name = GoodsName.Clean(string.Concat(Enumerable.Repeat("測試商品", 8)))!;

        Assert.Multiple(() =>
        {
            Assert.That(name.Length, Is.EqualTo(20));
            Assert.That(Encoding.UTF8.GetByteCount(name), Is.EqualTo(60));
        });
    }

    [Test]
    public void Supplementary_cjk_characters_are_never_split()
    {
        // U+20BB7 is one character stored as a surrogate pair.
        var name = GoodsName.Clean(string.Concat(Enumerable.Repeat("𠮷", 25)))!;

        Assert.Multiple(() =>
        {
            Assert.That(TextElements(name), Is.EqualTo(16), "16 x 4 bytes = 64 bytes, the byte limit comes first");
            Assert.That(name.Length % 2, Is.Zero);
            Assert.That(char.IsHighSurrogate(name[^1]), Is.False);
        });
    }

    [Test]
    public void Emoji_sequences_stay_whole_and_within_64_bytes()
    {
        const string family = "👨‍👩‍👧"; // 18 bytes, one user-perceived character
        var name = GoodsName.Clean("Gift " + string.Concat(Enumerable.Repeat(family, 10)))!;

        Assert.Multiple(() =>
        {
            Assert.That(name, Is.EqualTo("Gift " + family + family + family));
            Assert.That(Encoding.UTF8.GetByteCount(name), Is.LessThanOrEqualTo(GoodsName.MaxUtf8Bytes));
        });
    }

    [Test]
    public void Combining_marks_stay_with_their_base_letter()
    {
        const string eAcute = "e\u0301"; // two code points, one character
        var name = GoodsName.Clean(string.Concat(Enumerable.Repeat(eAcute, 25)))!;

        Assert.Multiple(() =>
        {
            Assert.That(TextElements(name), Is.EqualTo(20));
            Assert.That(name, Does.EndWith(eAcute));
        });
    }

    [Test]
    public void Unpaired_surrogates_are_dropped()
    {
        Assert.That(GoodsName.Clean("A\uD800B\uDC00C"), Is.EqualTo("ABC"));
    }

    [Test]
    public void Cleaning_is_idempotent()
    {
        var once = GoodsName.Clean(" Caf\u00E9 & 測試 👨‍👩‍👧 <b> " + new string('x', 30));

        Assert.That(GoodsName.Clean(once), Is.EqualTo(once));
    }
}
