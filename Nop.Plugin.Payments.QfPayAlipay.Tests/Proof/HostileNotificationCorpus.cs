using System.Text;
using QfPaySimulator;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Proof;

/// <summary>
/// Generates hostile deliveries from a seed. Every family aims at the pending order's out_trade_no where it can, so a
/// mistake in the route would show as a state change of that order rather than as an unknown transaction.
/// </summary>
public sealed class HostileNotificationCorpus
{
    private static readonly string[] ContentTypes =
    [
        "application/json", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
        "application/json; charset=utf-16", "application/xml", "image/png", "",
    ];

    // HEAD is left out: its answer has no body to compare with the table.
    private static readonly string[] Methods = ["GET", "PUT", "DELETE", "PATCH", "OPTIONS"];

    private readonly string _clientKey;
    private readonly Random _random;
    private readonly NotificationContent _settled;
    private readonly string _strangerKey;
    private readonly NotificationContent _target;

    /// <param name="target">The pending order's notification as QFPay would send it (never sent itself).</param>
    /// <param name="settled">An already settled order's genuine notification: replays of it are documented duplicates.</param>
    /// <param name="clientKey">The store's key: used only to build "signed, then tampered" bodies.</param>
    public HostileNotificationCorpus(Random random, NotificationContent target, NotificationContent settled, string clientKey)
    {
        _random = random;
        _target = target;
        _settled = settled;
        _clientKey = clientKey;
        _strangerKey = "0000" + clientKey[4..].ToLowerInvariant();
    }

    public delegate HostileDelivery Family(HostileNotificationCorpus corpus);

    /// <summary>Each family of issue #8, in a fixed order so the seed alone decides the corpus.</summary>
    public static IReadOnlyList<(string Name, Family Make)> Families { get; } =
    [
        ("random bytes", static c => c.Unsigned(c.RandomBytes(c._random.Next(1, 2048)))),
        ("truncated JSON", static c => c.BadlySigned(c.Truncated())),
        ("deeply nested JSON", static c => c.BadlySigned(c.Nested())),
        ("huge number", static c => c.BadlySigned(c.WithRawField("txamt", c.Pick("1e308", "-1e308", "99999999999999999999999999999999", "12800.0000000000000000001", "1E+400", "0x3200")))),
        ("negative, zero or decimal txamt", static c => c.BadlySigned(c.WithRawField("txamt", c.Pick("-12800", "0", "\"0\"", "\"-1\"", "128.00", "\"128.5\"", "-0", "\"\"")))),
        ("wrong types", static c => c.BadlySigned(c.WithRawField(c.Pick("out_trade_no", "txamt", "syssn", "respcd", "status"), c.Pick("null", "true", "[]", "{}", "[\"x\"]", "{\"a\":1}", "12800")))),
        ("duplicate keys", static c => c.BadlySigned(c.DuplicateKeys())),
        ("unicode tricks", static c => c.BadlySigned(c.UnicodeTrick())),
        ("valid JSON, bad signature", static c => c.With(c.TargetBody(), c.RandomHex(32))),
        ("valid signature, tampered field", static c => c.Tampered()),
        ("genuine notification of another order, replayed", static c => c.GenuineReplay()),
        ("refund notification for a payment (forged)", static c => c.SignedWithStrangerKey(c._target with { NotifyType = "refund", Txamt = "12800" })),
        ("signed with another key", static c => c.SignedWithStrangerKey(c._target)),
        ("missing or duplicated X-QF-SIGN", static c => c.HeaderTrick()),
        ("wrong content type", static c => c.Genuine(c._target) with { ContentType = c.Pick(ContentTypes) , Signatures = [c.RandomHex(32)] }),
        ("not a POST", static c => c.Genuine(c._target) with { Method = c.Pick(Methods), Body = [] }),
        ("oversized body", static c => c.BadlySigned(Encoding.UTF8.GetBytes("{\"out_trade_no\":\"" + c._target.OutTradeNo + "\",\"x\":\"" + new string('a', 70_000) + "\"}"))),
        ("form-encoded body", static c => c.BadlySigned(Encoding.UTF8.GetBytes($"out_trade_no={c._target.OutTradeNo}&txamt={c._target.Txamt}&respcd=0000&status=1"))),
        ("empty body", static c => c.BadlySigned([])),
    ];

    public HostileDelivery Next(int index)
    {
        var (name, make) = Families[index % Families.Count];
        return make(this) with { Kind = name };
    }

    private HostileDelivery With(byte[] body, params string[] signatures) => new("", "POST", body, signatures, "application/json");

    private HostileDelivery Unsigned(byte[] body) => With(body);

    private HostileDelivery BadlySigned(byte[] body) =>
        _random.Next(3) == 0 ? With(body) : With(body, _random.Next(2) == 0 ? RandomHex(32) : NotificationSignature.Compute(body, _strangerKey));

    private HostileDelivery SignedWithStrangerKey(NotificationContent content)
    {
        var body = Encoding.UTF8.GetBytes(content.ToBody());
        return With(body, NotificationSignature.Compute(body, _strangerKey));
    }

    private HostileDelivery Genuine(NotificationContent content)
    {
        var body = Encoding.UTF8.GetBytes(content.ToBody());
        return With(body, NotificationSignature.Compute(body, _clientKey));
    }

    private HostileDelivery GenuineReplay() => Genuine(_settled) with { IsGenuineReplay = true };

    /// <summary>Signed by the store's key, then one field changed: what a man in the middle could send.</summary>
    private HostileDelivery Tampered()
    {
        var signature = NotificationSignature.Compute(_target.ToBody(), _clientKey);
        var sent = _random.Next(5) switch
        {
            0 => _target with { Txamt = "1" },
            1 => _target with { OutTradeNo = _settled.OutTradeNo },
            2 => _target with { Txcurrcd = "CNY" },
            3 => _target with { Syssn = _settled.Syssn },
            _ => _target with { Respcd = "0000 " },
        };
        return With(Encoding.UTF8.GetBytes(sent.ToBody()), signature);
    }

    private HostileDelivery HeaderTrick()
    {
        var genuine = Genuine(_target with { Txamt = "1" });
        var real = NotificationSignature.Compute(_target.ToBody(), _clientKey);
        return _random.Next(6) switch
        {
            0 => genuine with { Signatures = [] },
            1 => genuine with { Signatures = [real, real] },
            2 => genuine with { Signatures = [real, RandomHex(32)] },
            3 => genuine with { Signatures = [""] },
            4 => genuine with { Signatures = [new string('F', 8_000)] },
            _ => genuine with { Signatures = [real.ToLowerInvariant() + " "] },
        };
    }

    private byte[] TargetBody() => Encoding.UTF8.GetBytes(_target.ToBody());

    private byte[] Truncated()
    {
        var body = TargetBody();
        return body[.._random.Next(0, body.Length)];
    }

    private byte[] Nested()
    {
        var depth = _random.Next(17, 20_000);
        var open = _random.Next(2) == 0 ? "[" : "{\"a\":";
        var close = open == "[" ? "]" : "}";
        var text = "{\"out_trade_no\":\"" + _target.OutTradeNo + "\",\"n\":" + string.Concat(Enumerable.Repeat(open, depth)) + "1"
            + (_random.Next(3) == 0 ? string.Empty : string.Concat(Enumerable.Repeat(close, depth)) + "}");
        return Encoding.UTF8.GetBytes(text);
    }

    private byte[] WithRawField(string field, string rawValue)
    {
        var text = _target.ToBody();
        var marker = $"\"{field}\": \"";
        var start = text.IndexOf(marker, StringComparison.Ordinal);
        if (start < 0)
            return Encoding.UTF8.GetBytes(text);

        var valueStart = start + marker.Length - 1;
        var valueEnd = text.IndexOf('"', valueStart + 1) + 1;
        return Encoding.UTF8.GetBytes(text[..valueStart] + rawValue + text[valueEnd..]);
    }

    private byte[] DuplicateKeys()
    {
        var text = _target.ToBody();
        var extra = _random.Next(3) switch
        {
            0 => $"\"out_trade_no\": \"{_settled.OutTradeNo}\", ",
            1 => "\"txamt\": \"1\", ",
            _ => "\"respcd\": \"1143\", \"status\": \"0\", ",
        };
        return Encoding.UTF8.GetBytes(_random.Next(2) == 0 ? "{" + extra + text[1..] : text[..^1] + ", " + extra.TrimEnd(',', ' ') + "}");
    }

    private byte[] UnicodeTrick()
    {
        var outTradeNo = _target.OutTradeNo;
        var text = _target.ToBody();
        return _random.Next(8) switch
        {
            0 => [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)],
            1 => Encoding.UTF8.GetBytes(text.Replace(outTradeNo, outTradeNo + "\\u0000", StringComparison.Ordinal)),
            2 => Encoding.UTF8.GetBytes(text.Replace(outTradeNo, "\u202E" + outTradeNo, StringComparison.Ordinal)),
            3 => Encoding.UTF8.GetBytes(text.Replace(outTradeNo, outTradeNo + "\\ud800", StringComparison.Ordinal)),
            4 => Encoding.UTF8.GetBytes(text.Replace(outTradeNo, string.Concat(outTradeNo.Select(static ch => $"\\u{(int)ch:x4}")), StringComparison.Ordinal)),
            5 => Encoding.UTF8.GetBytes(text.Replace(outTradeNo, string.Concat(outTradeNo.Select(static ch => char.IsAsciiDigit(ch) ? (char)(ch - '0' + '\uFF10') : ch)), StringComparison.Ordinal)),
            6 => [.. Encoding.UTF8.GetBytes(text[..10]), 0x00, .. Encoding.UTF8.GetBytes(text[10..])],
            _ => Encoding.Unicode.GetBytes(text),
        };
    }

    private byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        _random.NextBytes(bytes);
        return bytes;
    }

    private string RandomHex(int length) => Convert.ToHexString(RandomBytes(length / 2));

    private T Pick<T>(params T[] options) => options[_random.Next(options.Length)];
}
