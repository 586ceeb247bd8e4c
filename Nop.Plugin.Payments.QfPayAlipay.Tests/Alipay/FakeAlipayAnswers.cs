using System.Security.Cryptography;
using System.Text;
using static Nop.Plugin.Payments.QfPayAlipay.Tests.Alipay.AlipayTestKeys;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Alipay;

/// <summary>Gateway answer bodies as Alipay lays them out, signed over the member's exact text.</summary>
public static class FakeAlipayAnswers
{
    public const string TokenMember = "alipay_system_oauth_token_response";

    public const string UserId = "2088102150477652";

    public const string TokenContent =
        "{\"user_id\":\"" + UserId + "\",\"access_token\":\"authbseB5f3a0e6b4f1c4c8e9a0d2c1b7e4f2a11\",\"expires_in\":1296000," +
        "\"refresh_token\":\"authbse0c2e6d8f1a3b5c7d9e1f3a5b7c9d1e3f\",\"re_expires_in\":2592000,\"auth_start\":\"2025-03-18 14:15:01\"}";

    public const string CodeInvalidContent =
        "{\"code\":\"40002\",\"msg\":\"Invalid Arguments\",\"sub_code\":\"isv.code-invalid\",\"sub_msg\":\"授权码code无效\"}";

    /// <summary>A body whose member is signed with <paramref name="signingKey"/> (Alipay's key unless told otherwise).</summary>
    public static string Signed(string member, string content, string? signingKey = null)
    {
        using var key = Private(signingKey ?? AlipayPrivateKey);
        var sign = Convert.ToBase64String(key.SignData(Encoding.UTF8.GetBytes(content), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        return $"{{\"{member}\":{content},\"sign\":\"{sign}\"}}";
    }

    public static string Unsigned(string member, string content) => $"{{\"{member}\":{content}}}";
}
