using System.Buffers.Binary;
using System.IO.Compression;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;

/// <summary>
/// Reads a QR code from a PNG data: URI with ZXing.Net, independently of QRCoder, which drew it. ZXing.Net's core has
/// no image decoder, so the PNG is unpacked here: 1- or 8-bit greyscale or palette, non-interlaced, as QRCoder writes.
/// </summary>
public static class QrCodeReader
{
    public static string? ReadDataUri(string dataUri)
    {
        const string prefix = "data:image/png;base64,";
        Assert.That(dataUri, Does.StartWith(prefix));
        return ReadPng(Convert.FromBase64String(dataUri[prefix.Length..]));
    }

    public static string? ReadPng(byte[] png)
    {
        var (width, height, grey) = DecodeGreyscale(png);
        var source = new RGBLuminanceSource(grey, width, height, RGBLuminanceSource.BitmapFormat.Gray8);
        var result = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)),
            new Dictionary<DecodeHintType, object> { [DecodeHintType.PURE_BARCODE] = false, [DecodeHintType.TRY_HARDER] = true });
        return result?.Text;
    }

    private static (int Width, int Height, byte[] Grey) DecodeGreyscale(byte[] png)
    {
        int width = 0, height = 0, bitDepth = 0, colorType = 0;
        byte[]? palette = null;
        using var idat = new MemoryStream();
        var position = 8;
        while (position < png.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(position));
            var type = System.Text.Encoding.ASCII.GetString(png, position + 4, 4);
            var data = png.AsSpan(position + 8, length);
            switch (type)
            {
                case "IHDR":
                    width = BinaryPrimitives.ReadInt32BigEndian(data);
                    height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                    bitDepth = data[8];
                    colorType = data[9];
                    Assert.That(data[12], Is.Zero, "interlaced PNG");
                    break;
                case "PLTE":
                    palette = data.ToArray();
                    break;
                case "IDAT":
                    idat.Write(data);
                    break;
            }

            position += 12 + length;
        }

        Assert.That(colorType is 0 or 3 && bitDepth is 1 or 8, Is.True, $"PNG colour type {colorType}, bit depth {bitDepth}");
        idat.Position = 0;
        using var zlib = new ZLibStream(idat, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        zlib.CopyTo(raw);
        var rows = raw.ToArray();

        var stride = (width * bitDepth + 7) / 8;
        var grey = new byte[width * height];
        for (var y = 0; y < height; y++)
        {
            var row = y * (stride + 1);
            Assert.That(rows[row], Is.Zero, "PNG row filter other than None");
            for (var x = 0; x < width; x++)
            {
                var sample = bitDepth == 8 ? rows[row + 1 + x] : (rows[row + 1 + x / 8] >> (7 - x % 8)) & 1;
                grey[y * width + x] = colorType == 3
                    ? palette![sample * 3 + 1]
                    : (byte)(bitDepth == 1 ? sample * 255 : sample);
            }
        }

        return (width, height, grey);
    }
}
