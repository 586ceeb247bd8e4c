using Nop.Plugin.Payments.QfPayAlipay.Protocol.Client;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Fields;

namespace Nop.Plugin.Payments.QfPayAlipay.Services;

/// <summary>The QFPay account a store's settings describe; each store may have its own (docs/qfpay-protocol.md §2.3, §11.21).</summary>
public static class MerchantAccount
{
    /// <summary>The account, or why the settings cannot make one (never quoting the key).</summary>
    /// <param name="timeouts">Per-call time limits; QFPay's recommendation (docs/qfpay-protocol.md §2.4) when null.</param>
    public static FieldResult<QfPayAccount> From(QfPayAlipaySettings settings, QfPayTimeouts? timeouts = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var baseUrl = QfPayEndpoints.BaseUrlFor(settings.Environment, settings.CustomBaseUrl);
        if (!baseUrl.IsValid)
            return FieldResult<QfPayAccount>.Invalid(baseUrl.Error);

        var account = new QfPayAccount(baseUrl.Value, settings.AppCode ?? string.Empty, settings.ClientKey ?? string.Empty,
            settings.MerchantId, settings.SignType) { Timeouts = timeouts ?? QfPayTimeouts.Default };
        return account.Validate() is { } error ? FieldResult<QfPayAccount>.Invalid(error) : FieldResult<QfPayAccount>.Valid(account);
    }
}
