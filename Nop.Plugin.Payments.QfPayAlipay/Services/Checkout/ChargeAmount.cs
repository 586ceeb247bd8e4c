namespace Nop.Plugin.Payments.QfPayAlipay.Services.Checkout;

/// <summary>What QFPay is asked to charge: txamt in minor units of txcurrcd.</summary>
public sealed record ChargeAmount(long Minor, string Currency);
