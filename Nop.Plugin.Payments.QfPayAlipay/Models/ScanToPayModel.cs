namespace Nop.Plugin.Payments.QfPayAlipay.Models;

/// <summary>The desktop page: the resume link as a QR code, what is being paid, and where to poll for the status.</summary>
/// <param name="AmountText">The charge as QFPay takes it, e.g. "HKD 128.00".</param>
/// <param name="QrCodeDataUri">A PNG data: URI of <paramref name="ResumeUrl"/>.</param>
/// <param name="StatusUrl">The JSON status endpoint.</param>
public sealed record ScanToPayModel(int OrderId, string CustomOrderNumber, string AmountText, string ResumeUrl, string QrCodeDataUri,
    string StatusUrl, int PollSeconds);
