namespace Nop.Plugin.Payments.QfPayAlipay.Models;

/// <summary>The waiting page after the wallet: the order is placed, the payment not confirmed yet.</summary>
/// <param name="RefreshSeconds">The page reloads itself this often (meta refresh and Refresh header, no script).</param>
public sealed record PaymentPendingModel(int OrderId, string CustomOrderNumber, int RefreshSeconds);
