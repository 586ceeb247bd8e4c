using System.Globalization;
using QfPaySimulator.Faults;

namespace QfPaySimulator.Hosting;

/// <summary>
/// The simulator's own command-line options. Anything else (<c>--urls</c>, <c>--environment</c>...) is left to
/// ASP.NET Core. Options take a value, as <c>--name value</c> or <c>--name=value</c>; <c>--fault</c> may repeat.
/// </summary>
internal sealed class CommandLineSettings
{
    public const string Usage = """
        QFPay simulator: a local stand-in for QFPay's Open API (pay types 801107, 801512, 800107).

          dotnet run --project tools/QfPaySimulator -- [options]

          --urls URL                    where to listen (default http://127.0.0.1:5080)
          --app-code CODE               app code to accept (default: the demo merchant's)
          --client-key KEY              its client key (default: the demo merchant's)
          --mchid ID                    its mchid; when given, every call must send it (default: none)
          --retry-time-scale X          multiplies notification retry gaps (default 1; 0.01 = 100x faster)
          --notification-timeout T      per-attempt wait for the shop's answer (default 10s)
          --allow-remote-notify true    allow notify_url hosts other than this machine (default false)
          --notify-url-mode MODE        request: notify each payment's notify_url (default);
                                        registered: ignore notify_url, notify only the registered URL below
          --registered-notify-url URL   the notification URL registered for the app code (registered mode);
                                        without it, registered mode sends no notifications at all
          --alipay-app-id ID            the fake Alipay's app id for 800107 (default 2021000000000001)
          --alipay-keys FILE            keep the fake Alipay's test keys in FILE (created if missing); default: new keys each run
          --alipay-deny true            the fake Alipay authorisation sends shoppers back without an auth_code
          --fault SPEC                  a fault for the whole run; repeatable. SPEC is endpoint:kind[:options]
                                        e.g. payment:Http429:times=2  refund:Timeout:delay=40s,perform
                                             notification:DuplicateNotifications:count=3,concurrent
                                             query:Latency:delay=800ms  payment:InProgress1143:out_trade_no=A1
          --help                        this text
        """;

    public bool ShowHelp { get; private set; }

    public static CommandLineSettings Apply(string[] args, SimulatorOptions options)
    {
        var settings = new CommandLineSettings();
        string? appCode = null, clientKey = null, mchid = null, alipayAppId = null, alipayKeys = null;
        Uri? registeredNotifyUrl = null;

        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg is "--help" or "-h" or "-?")
            {
                settings.ShowHelp = true;
                continue;
            }

            if (!arg.StartsWith("--", StringComparison.Ordinal))
                continue;

            var (name, inlineValue) = arg.IndexOf('=') is var equals and > 0 ? (arg[2..equals], arg[(equals + 1)..]) : (arg[2..], null);
            if (!IsOurs(name))
                continue;

            var value = inlineValue ?? (i + 1 < args.Length ? args[++i] : throw new FormatException($"--{name} needs a value."));
            switch (name)
            {
                case "app-code": appCode = value; break;
                case "client-key": clientKey = value; break;
                case "mchid": mchid = value; break;
                case "retry-time-scale":
                    options.RetryTimeScale = double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var scale)
                        ? scale
                        : throw new FormatException($"--retry-time-scale: '{value}' is not a number.");
                    break;
                case "notification-timeout":
                    options.NotificationTimeout = FaultSpec.ParseDuration(value, "--notification-timeout");
                    break;
                case "allow-remote-notify":
                    options.AllowRemoteNotifyTargets = bool.TryParse(value, out var allow)
                        ? allow
                        : throw new FormatException($"--allow-remote-notify: '{value}' is not true or false.");
                    break;
                case "fault":
                    options.Faults.Add(FaultSpec.Parse(value));
                    break;
                case "notify-url-mode":
                    options.NotifyUrlMode = value.ToLowerInvariant() switch
                    {
                        "request" => NotifyUrlMode.PerRequest,
                        "registered" => NotifyUrlMode.RegisteredOnly,
                        _ => throw new FormatException($"--notify-url-mode: '{value}' is not request or registered."),
                    };
                    break;
                case "registered-notify-url":
                    registeredNotifyUrl = Uri.TryCreate(value, UriKind.Absolute, out var registered)
                        && (registered.Scheme == Uri.UriSchemeHttp || registered.Scheme == Uri.UriSchemeHttps)
                        ? registered
                        : throw new FormatException($"--registered-notify-url: '{value}' is not an absolute http(s) URL.");
                    break;
                case "alipay-app-id": alipayAppId = value; break;
                case "alipay-keys": alipayKeys = value; break;
                case "alipay-deny":
                    options.Alipay.DenyAuthorization = bool.TryParse(value, out var deny)
                        ? deny
                        : throw new FormatException($"--alipay-deny: '{value}' is not true or false.");
                    break;
            }
        }

        if (appCode is not null || clientKey is not null || mchid is not null)
        {
            var demo = SimulatorOptions.DemoMerchant;
            options.Merchants.Clear();
            options.Merchants.Add(new SimulatedMerchant(appCode ?? demo.AppCode, clientKey ?? demo.ClientKey, string.IsNullOrEmpty(mchid) ? null : mchid));
        }

        // QFPay registers one URL per app code; on the command line there is one merchant, so it is that one's.
        if (registeredNotifyUrl is not null)
        {
            foreach (var merchant in options.Merchants)
                options.RegisteredNotifyUrls[merchant.AppCode] = registeredNotifyUrl;
        }

        // A new key file records the app id of the run that created it; an explicit --alipay-app-id still wins.
        if (alipayAppId is not null)
            options.Alipay.AppId = alipayAppId;
        if (alipayKeys is not null)
            Alipay.AlipayKeyFile.LoadOrCreate(alipayKeys, options.Alipay);
        if (alipayAppId is not null)
            options.Alipay.AppId = alipayAppId;

        return settings;
    }

    private static bool IsOurs(string name) =>
        name is "app-code" or "client-key" or "mchid" or "retry-time-scale" or "notification-timeout" or "allow-remote-notify" or "fault"
            or "notify-url-mode" or "registered-notify-url" or "alipay-app-id" or "alipay-keys" or "alipay-deny";
}
