using System.Linq.Expressions;
using Nop.Services.Configuration;

namespace Nop.Plugin.Payments.QfPayAlipay.Services.Lifecycle;

/// <summary>
/// Every property of <see cref="QfPayAlipaySettings"/>, each as a typed key selector. nopCommerce derives the
/// setting key from a member expression, so a list of <c>x =&gt; (object)x.Prop</c> would not do; each entry
/// keeps its own property type. A convention test checks that no property is missing.
/// </summary>
public static class SettingFields
{
    public static IReadOnlyList<SettingField> All { get; } =
    [
        SettingField.For(s => s.Environment),
        SettingField.For(s => s.CustomBaseUrl),
        SettingField.For(s => s.AppCode),
        SettingField.For(s => s.ClientKey),
        SettingField.For(s => s.MerchantId),
        SettingField.For(s => s.PayType),
        SettingField.For(s => s.SignType),
        SettingField.For(s => s.ChargeCurrency),
        SettingField.For(s => s.GoodsNameTemplate),
        SettingField.For(s => s.PaymentExpiryMinutes),
        SettingField.For(s => s.LimitPayNoCredit),
        SettingField.For(s => s.AdditionalFeePercentage),
        SettingField.For(s => s.AdditionalFee),
        SettingField.For(s => s.DebugLogging),
        SettingField.For(s => s.ReconciliationIntervalMinutes),
        SettingField.For(s => s.AutoCancelExpiredOrders),
        SettingField.For(s => s.HideOnDesktop),
        SettingField.For(s => s.AlipayAppId),
        SettingField.For(s => s.AlipayAppPrivateKey),
        SettingField.For(s => s.AlipayPublicKey),
        SettingField.For(s => s.AlipayGatewayUrl),
        SettingField.For(s => s.AlipayAuthorizeUrl),
    ];
}

/// <summary>One setting property, able to ask whether it is stored and to store it.</summary>
public abstract class SettingField
{
    public abstract string PropertyName { get; }

    public static SettingField For<TProperty>(Expression<Func<QfPayAlipaySettings, TProperty>> selector) =>
        new Typed<TProperty>(selector);

    public abstract Task<bool> ExistsAsync(ISettingService settingService, QfPayAlipaySettings settings, int storeId);

    /// <summary>Writes the property's value from <paramref name="settings"/> for <paramref name="storeId"/>, without clearing the cache.</summary>
    public abstract Task SaveAsync(ISettingService settingService, QfPayAlipaySettings settings, int storeId);

    private sealed class Typed<TProperty>(Expression<Func<QfPayAlipaySettings, TProperty>> selector) : SettingField
    {
        public override string PropertyName { get; } = ((MemberExpression)selector.Body).Member.Name;

        public override Task<bool> ExistsAsync(ISettingService settingService, QfPayAlipaySettings settings, int storeId) =>
            settingService.SettingExistsAsync(settings, selector, storeId);

        public override Task SaveAsync(ISettingService settingService, QfPayAlipaySettings settings, int storeId) =>
            settingService.SaveSettingOverridablePerStoreAsync(settings, selector, true, storeId, false);
    }
}
