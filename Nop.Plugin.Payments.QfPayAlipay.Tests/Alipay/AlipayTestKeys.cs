using System.Security.Cryptography;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Alipay;

/// <summary>
/// RSA keys for the Alipay tests. <see cref="FixedPrivateKey"/> is a 2048-bit key generated for this project only
/// (OpenSSL 3.0: <c>openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048</c>), committed so that signatures
/// can be pinned; it protects nothing and must never be used outside these tests. The other keys are made fresh per
/// test run.
/// </summary>
public static class AlipayTestKeys
{
    /// <summary>The fixed key, Base64 DER PKCS#8 (as Alipay's open platform shows an app private key).</summary>
    public const string FixedPrivateKey =
        "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQCRXlztwelb2pSGNg+RFuaFBv99yUT6mftNI9jM9+cZt1nRyUFm" +
        "/FsJ1q8IJHuqwNWnX/InUNEk7U9M5+5dGZ/TFtAJPxTlL0uORZTBmwdABSbMHytjSu72Fg4WnsurJaUkKomiXPhrT8zEmq+/746y" +
        "t7SrC41b984Ct3XGe35L2xyt5VS5BEElKFdUoZ0ff/ls7P0N5UiOw+rzLk7FCC2ctzEdWlGnJD46dh9EvhhfVM8P3LwWhOrWqFcc" +
        "h5DcsIrubEMbHVYnvYql3hBQ3o67/EmmWftypEIatkcpZ9HgN7nkr7J8ool+vbFeXqRTlM1BsifDg6a9DtJsV+z8vXlvAgMBAAEC" +
        "ggEAHCyr2jEBJ5pfuvtzXO2RVCsdDaYaxm9ds3/FH0TU97j/oZdeI7W5d1iyp+NaTKf/QOdpqZESWBPekMtK+aRjw6fiPkiJpjna" +
        "bQKzaCrB5viYomtQH3iAhBWWOXAhjVRIg4/zCRL32uSmjVxlv8+QWrccPyKIDVEkDoa8PvHkcpMEWiTHZC7OlNAT+d0f1qTaeC3o" +
        "ZpQSNlzBOab9BSd/RnSWci8zMeWeEem82nDK8YyULdVOYKHsNtW15sY2EeDvw1qX2koD7TfqA6A0BY7GuGxrA2jK3LllTHGXC1eb" +
        "XfIgCO5oV+q5fQROIgZqqrS+EzohTFKlzNz2XiXkI4nksQKBgQDFIx1CfJXiYr2Ob2DwTzQgjopqNbtOPBlu67rbXmomPxKIBzk0" +
        "56XxIVjbICIzWon3v7+8Vv/aRlc4pJvTaBU5rFi4Wiwc6WggyNWBNzMIeZGfBODUz6lupO8UdMsj620dTusqnRgUeCqlf37Jbgiy" +
        "8jh3LaT8nNNE/26O5LSmUwKBgQC8xiIhSsbpq6t21A8Z+VtX8OEM45okCJl7iYXHFCKs/q3K2XjWGu/uiya5J8KacN6OtXWiJxtb" +
        "w6vrYz2CXHtcIrWEm+a9MGPcBtQ+2cPI3YqkgeANp7DRpkBgRpjBWopmgogVG6jm8WqiS7JVK52UunNFJ2KNRllldQx4d5sE9QKB" +
        "gDrJ9ffV33zbpVvMq0P+2rS6zVxPGcSC97K0aczxowY02Pnn7Y9xZXM7VpxCQPC/l1ViwXMRHsuhHnGt5SpuZ6YDV5HikjUtBfiA" +
        "6+rU40srtdmOQt4z73snhIS9L7dOhgOvfUIAByZTj6Q7GTxIrB9xTJV97y3GNtrksbu7SIQxAoGBAKJTchfUuFVJJIlq8o1wSibF" +
        "4I/3y50+s9RyPlIhM2w1F/b9qJXb1gP3LlY7JXEuq4Jl8YB9Rl5TVSt1S/gkVIO26QXeFb0LtmMGkE53bY71SnoJoEO9tiOhZWwk" +
        "aMijda2Ogzw7a7MjV4G1u+TXO4sgBW0q3+kB3G+NBis1Fl1dAoGAP6SqMb3iMHxv3dr+lJLSzdIdRQJDhHaEqgOpEOtOgGdJSqRN" +
        "0Wc5mEJGO2XsCJXctuGlfxTMPfO84FE/L6wpkQ8zccTSeabWaa5WGuj4gKdhqTXy+04VSdQ+R0Qu8yIXXvRevPUZbmHlCdF7BVeU" +
        "rDMBkh3naONE+jQ70+uLreY=";

    /// <summary>The fixed key's public half, Base64 DER SubjectPublicKeyInfo.</summary>
    public const string FixedPublicKey =
        "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAkV5c7cHpW9qUhjYPkRbmhQb/fclE+pn7TSPYzPfnGbdZ0clBZvxbCdav" +
        "CCR7qsDVp1/yJ1DRJO1PTOfuXRmf0xbQCT8U5S9LjkWUwZsHQAUmzB8rY0ru9hYOFp7LqyWlJCqJolz4a0/MxJqvv++Osre0qwuN" +
        "W/fOArd1xnt+S9screVUuQRBJShXVKGdH3/5bOz9DeVIjsPq8y5OxQgtnLcxHVpRpyQ+OnYfRL4YX1TPD9y8FoTq1qhXHIeQ3LCK" +
        "7mxDGx1WJ72Kpd4QUN6Ou/xJpln7cqRCGrZHKWfR4De55K+yfKKJfr2xXl6kU5TNQbInw4OmvQ7SbFfs/L15bwIDAQAB";

    /// <summary>
    /// The known-answer request vector: the string to sign of an <c>alipay.system.oauth.token</c> request, and its
    /// RSA2 signature with <see cref="FixedPrivateKey"/>, computed with OpenSSL, independently of .NET:
    /// <c>printf '%s' "$STRING" | openssl dgst -sha256 -sign key.pem | base64 -w0</c>. PKCS#1 v1.5 is deterministic,
    /// so the signature is the same on every run.
    /// </summary>
    public const string VectorRequestStringToSign =
        "app_id=2021000000000001&charset=utf-8&code=4b203fe6c11548bcabd8da5bb087a83b&format=JSON&grant_type=authorization_code" +
        "&method=alipay.system.oauth.token&sign_type=RSA2&timestamp=2025-03-18 14:15:00&version=1.0";

    public const string VectorRequestSign =
        "bCafj5wNOQ9mb9VpjEAeCl4MeafjAQgbaSKd1POEg9UcTevCvZY8LcdNx4aoUVPeiElRdXQMfHz83XSbTRFOfdIldZ0me8XIjnSy" +
        "ONFQSCJ9Fy8qVoKNtkcH80DzYAUWOepVXuf4Zb08c1xQEZZz4giNL6at+yOPMn23ZOTr2FIId78jutqUVsIGEZrypVYMuDhymlFo" +
        "r5E+tfOSor61tIRS3h4JqaeY+SzetTfYCDB6x7bT7vcyI61np+DVdOzQLbvDmldRZuEKAqpVS3H5E4i36SNlOBzSPWGmd2JRLOJL" +
        "hC9kvdwBIMgiS7K0GaHLsurMfMTfFx55akMBSZR2lA==";

    /// <summary>A response member with non-ASCII text, signed the same way (UTF-8 bytes, raw as in the body).</summary>
    public const string VectorResponseContent =
        "{\"code\":\"40002\",\"msg\":\"Invalid Arguments\",\"sub_code\":\"isv.code-invalid\",\"sub_msg\":\"授权码code无效\"}";

    public const string VectorResponseSign =
        "KriN771CoPj87S7rEPmY0wXTD3+uEIrhVDE4djV/CK5Bgpyxonh5IJb24IZd+0+qT7hx/6St30C7d5F23ZIXQFV5HzhJccsUCakK" +
        "F3niWn2ZVHePMt8g5WzfINA7snmYXHq42GSQuTyM0Xla4yWAZx+5T8mIDVy6F3IAEjdt8CXOJm1CgdjeNKhtYSVQVNt6wIMprd8v" +
        "OMXMu1Zhpv7Cfj+S5BLSyYV171boqI+HS92MFZY/DHCwMo/4ywqGfsAUcQCXiXDkdpA++o8FotRQeW9IbsTB9mIQDdz8IZ/8YKjY" +
        "mCdQonfZmNszBs9hzn0C7XkXG9Qiwu0amqRnPEBaEQ==";

    private static readonly Lazy<byte[]> AppKey = new(Generate);
    private static readonly Lazy<byte[]> AlipayKey = new(Generate);
    private static readonly Lazy<byte[]> StrangerKey = new(Generate);

    /// <summary>A shop's app key pair for this run.</summary>
    public static string AppPrivateKey => Convert.ToBase64String(AppKey.Value);

    public static string AppPublicKey => PublicOf(AppKey.Value);

    /// <summary>"Alipay's" key pair for this run: signs answers in the fake gateways of these tests.</summary>
    public static string AlipayPrivateKey => Convert.ToBase64String(AlipayKey.Value);

    public static string AlipayPublicKey => PublicOf(AlipayKey.Value);

    /// <summary>A key nobody trusts: what a forger has.</summary>
    public static string StrangerPrivateKey => Convert.ToBase64String(StrangerKey.Value);

    public static RSA Private(string base64Pkcs8)
    {
        var rsa = RSA.Create();
        rsa.ImportPkcs8PrivateKey(Convert.FromBase64String(base64Pkcs8), out _);
        return rsa;
    }

    public static RSA Public(string base64Spki)
    {
        var rsa = RSA.Create();
        rsa.ImportSubjectPublicKeyInfo(Convert.FromBase64String(base64Spki), out _);
        return rsa;
    }

    /// <summary>The same key as PEM text, as some admins will paste it.</summary>
    public static string Pem(string label, string base64) =>
        $"-----BEGIN {label}-----\n{string.Join('\n', base64.Chunk(64).Select(chunk => new string(chunk)))}\n-----END {label}-----\n";

    private static string PublicOf(byte[] pkcs8)
    {
        using var rsa = RSA.Create();
        rsa.ImportPkcs8PrivateKey(pkcs8, out _);
        return Convert.ToBase64String(rsa.ExportSubjectPublicKeyInfo());
    }

    private static byte[] Generate()
    {
        using var rsa = RSA.Create(2048);
        return rsa.ExportPkcs8PrivateKey();
    }
}
