using System.Security.Cryptography;
using System.Text.Json;

namespace QfPaySimulator.Alipay;

/// <summary>
/// <c>--alipay-keys FILE</c>: keeps the fake Alipay's test keys between runs, so a shop configured once keeps working.
/// A missing file is created with fresh keys (readable by the current user only, where the OS allows).
/// </summary>
internal static class AlipayKeyFile
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static void LoadOrCreate(string path, AlipaySimulatorOptions options)
    {
        if (!File.Exists(path))
            Create(path, options.AppId);

        Contents? contents;
        try
        {
            contents = JsonSerializer.Deserialize<Contents>(File.ReadAllText(path), Json);
        }
        catch (JsonException)
        {
            contents = null;
        }

        if (contents is not { AppPrivateKey.Length: > 0, AlipayPrivateKey.Length: > 0 })
            throw new FormatException($"--alipay-keys: {path} is not a key file written by this simulator.");

        if (!string.IsNullOrEmpty(contents.AppId))
            options.AppId = contents.AppId;
        options.AppPrivateKey = contents.AppPrivateKey;
        options.AlipayPrivateKey = contents.AlipayPrivateKey;
    }

    private static void Create(string path, string appId)
    {
        using var app = RSA.Create(2048);
        using var alipay = RSA.Create(2048);
        var contents = new Contents
        {
            Note = "Test keys of the QFPay simulator's fake Alipay. Never use them for anything real.",
            AppId = appId,
            AppPrivateKey = Convert.ToBase64String(app.ExportPkcs8PrivateKey()),
            AlipayPrivateKey = Convert.ToBase64String(alipay.ExportPkcs8PrivateKey()),
        };

        var stream = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            stream.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using var writer = new StreamWriter(path, System.Text.Encoding.UTF8, stream);
        writer.Write(JsonSerializer.Serialize(contents, Json));
    }

    private sealed class Contents
    {
        public string? Note { get; set; }

        public string? AppId { get; set; }

        public string? AppPrivateKey { get; set; }

        public string? AlipayPrivateKey { get; set; }
    }
}
