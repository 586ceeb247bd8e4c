using QRCoder;

namespace Nop.Plugin.Payments.QfPayAlipay.Services.Shopper;

/// <summary>
/// The desktop page's QR code, drawn on the server as a PNG data: URI: no script, no image request another host could
/// see, and nothing to cache. Error correction M is what phone cameras read reliably from a screen.
/// </summary>
public static class PaymentQrCode
{
    /// <summary>Pixels per module: a plugin URL of ~100 characters gives a ~400 px image, shrunk by CSS on narrow screens.</summary>
    public const int PixelsPerModule = 8;

    public static byte[] Png(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(PixelsPerModule);
    }

    public static string PngDataUri(string text) => "data:image/png;base64," + Convert.ToBase64String(Png(text));
}
