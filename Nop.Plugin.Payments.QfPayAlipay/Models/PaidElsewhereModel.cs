namespace Nop.Plugin.Payments.QfPayAlipay.Models;

/// <summary>
/// The page for a browser that paid an order it did not place (the phone that scanned the desktop's QR code): paid,
/// the order number, and nothing else about the order.
/// </summary>
public sealed record PaidElsewhereModel(string CustomOrderNumber);
