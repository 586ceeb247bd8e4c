using System.Text.RegularExpressions;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Notifications;
using Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Localization;

/// <summary>
/// Issue #13 item 7: log lines and messages reach store owners, who have never seen the project's reference documents.
/// They say things in plain words: no "(docs/qfpay-protocol.md §6.3)", and no question that a caller then ends with ". Nothing was
/// changed." ("?.").
/// </summary>
public partial class RuntimeTextsTests
{
    private static IEnumerable<(string File, int Line, string Literal)> StringLiterals()
    {
        var root = Path.Combine(RepositoryPaths.Root, "Nop.Plugin.Payments.QfPayAlipay");
        foreach (var file in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories))
        {
            if (file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                || file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                continue;

            var number = 0;
            foreach (var line in File.ReadLines(file))
            {
                number++;
                var code = line.TrimStart();
                if (code.StartsWith("//", StringComparison.Ordinal) || code.StartsWith('*') || code.StartsWith("/*", StringComparison.Ordinal))
                    continue;

                foreach (Match literal in Literal().Matches(line))
                    yield return (Path.GetRelativePath(root, file), number, literal.Value);
            }
        }
    }

    [Test]
    public void No_text_in_the_plugins_code_cites_the_reference_documents()
    {
        var citing = StringLiterals()
            .Where(static s => s.Literal.Contains("API.md", StringComparison.Ordinal) || s.Literal.Contains('§'))
            .Select(static s => $"{s.File}:{s.Line} {s.Literal}");

        Assert.That(citing, Is.Empty);
    }

    [Test]
    public void No_sentence_in_the_plugins_code_ends_with_a_question_mark()
    {
        var questions = StringLiterals()
            .Where(static s => s.Literal.Length > 4 && s.Literal.EndsWith("?\"", StringComparison.Ordinal))
            .Select(static s => $"{s.File}:{s.Line} {s.Literal}");

        Assert.That(questions, Is.Empty);
    }

    [Test]
    public void The_scan_sees_the_plugins_texts()
    {
        Assert.That(StringLiterals().Select(static s => s.Literal), Has.Some.Contains("X-QF-SIGN header"));
    }

    /// <summary>The notification route logs "notification refused (...): {reason}. Nothing was changed."</summary>
    [TestCase(null, "body")]
    [TestCase("XYZ", "body")]
    [TestCase("0123456789ABCDEF0123456789ABCDEF", "")]
    [TestCase("0123456789ABCDEF0123456789ABCDEF", "body")]
    public void A_refusal_reason_reads_as_a_sentence_once_the_log_line_adds_its_full_stop(string? signature, string body)
    {
        var verdict = NotificationVerifier.Verify(System.Text.Encoding.UTF8.GetBytes(body), signature, "0F1E2D3C4B5A69788796A5B4C3D2E1F0");
        var line = $"notification refused: {verdict.Reason}. Nothing was changed.";

        Assert.Multiple(() =>
        {
            Assert.That(verdict.IsAuthentic, Is.False);
            Assert.That(line, Does.Not.Contain("?.").And.Not.Contain("..").And.Not.Contain("API.md").And.Not.Contain("§"));
        });
    }

    [GeneratedRegex(@"""(?:[^""\\\n]|\\.)*""")]
    private static partial Regex Literal();
}
