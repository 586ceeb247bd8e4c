using System.Globalization;

namespace QfPaySimulator.Faults;

/// <summary>
/// Reads a fault rule written on the command line as
/// <c>endpoint:kind[:option,option...]</c>, e.g. <c>payment:Http429:times=2</c>,
/// <c>notification:DuplicateNotifications:count=3,concurrent</c> or <c>refund:Timeout:delay=40s,perform</c>.
/// Options: <c>times=N</c>, <c>delay=</c> (<c>500ms</c>, <c>2s</c>, <c>1m</c> or <c>hh:mm:ss</c>), <c>count=N</c>,
/// <c>concurrent</c>, <c>perform</c>, <c>status=5xx</c>, <c>out_trade_no=X</c>.
/// </summary>
internal static class FaultSpec
{
    public static FaultRule Parse(string spec)
    {
        var parts = spec.Split(':', 3, StringSplitOptions.TrimEntries);
        if (parts.Length < 2
            || !Enum.TryParse<SimulatorEndpoint>(parts[0], ignoreCase: true, out var endpoint)
            || !Enum.TryParse<FaultKind>(parts[1], ignoreCase: true, out var kind)
            || int.TryParse(parts[0], out _) || int.TryParse(parts[1], out _))
        {
            throw new FormatException($"'{spec}' is not endpoint:kind[:options] (endpoints: {string.Join(", ", Enum.GetNames<SimulatorEndpoint>())}; kinds: {string.Join(", ", Enum.GetNames<FaultKind>())}).");
        }

        var rule = new FaultRule(endpoint, kind);
        if (parts.Length == 3)
        {
            foreach (var option in parts[2].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                rule = Apply(rule, option, spec);
        }

        FaultRuleValidation.ThrowIfInvalid(rule);
        return rule;
    }

    private static FaultRule Apply(FaultRule rule, string option, string spec)
    {
        var (name, value) = option.Split('=', 2) is [var n, var v] ? (n.Trim(), v.Trim()) : (option, "");
        return name.ToLowerInvariant() switch
        {
            "times" => rule with { Times = ParseInt(value, spec) },
            "count" => rule with { Count = ParseInt(value, spec) },
            "status" => rule with { StatusCode = ParseInt(value, spec) },
            "delay" => rule with { Delay = ParseDuration(value, spec) },
            "concurrent" => rule with { Concurrent = true },
            "perform" => rule with { PerformOperation = true },
            "out_trade_no" => rule with { OutTradeNo = value },
            _ => throw new FormatException($"Unknown option '{name}' in fault '{spec}'."),
        };
    }

    private static int ParseInt(string value, string spec) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new FormatException($"'{value}' is not a number in fault '{spec}'.");

    public static TimeSpan ParseDuration(string value, string spec)
    {
        static bool Number(string digits, out double number) =>
            double.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number);

        if (value.EndsWith("ms", StringComparison.OrdinalIgnoreCase) && Number(value[..^2], out var ms))
            return TimeSpan.FromMilliseconds(ms);
        if (value.EndsWith('s') && Number(value[..^1], out var s))
            return TimeSpan.FromSeconds(s);
        if (value.EndsWith('m') && Number(value[..^1], out var m))
            return TimeSpan.FromMinutes(m);
        if (TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var span))
            return span;

        throw new FormatException($"'{value}' is not a duration (500ms, 2s, 1m or hh:mm:ss) in fault '{spec}'.");
    }
}
