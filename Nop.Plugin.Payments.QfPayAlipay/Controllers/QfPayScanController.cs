using Microsoft.AspNetCore.Mvc;
using Nop.Core;
using Nop.Plugin.Payments.QfPayAlipay.Data;
using Nop.Plugin.Payments.QfPayAlipay.Models;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Fields;
using Nop.Plugin.Payments.QfPayAlipay.Services.Checkout;
using Nop.Services.Configuration;
using Nop.Web.Framework.Controllers;
using QRCoder;

namespace Nop.Plugin.Payments.QfPayAlipay.Controllers;

/// <summary>
/// The desktop page: a desktop has no wallet app, so the payment link is shown as a QR code for the shopper's phone,
/// with the amount, the order number and a live status that moves on to the completed page once paid. The QR code
/// holds the plugin's resume link, which outlives any one pay_url.
/// </summary>
public class QfPayScanController : BasePluginController
{
    /// <summary>How often the page polls; the endpoint itself queries QFPay at most every <see cref="StatusQueryThrottle.Interval"/>.</summary>
    public const int PollSeconds = 3;

    private readonly IPaymentAttemptStore _attempts;
    private readonly ChargeCalculator _chargeCalculator;
    private readonly PayableOrders _orders;
    private readonly ISettingService _settingService;
    private readonly IWebHelper _webHelper;

    public QfPayScanController(IPaymentAttemptStore attempts,
        ChargeCalculator chargeCalculator,
        PayableOrders orders,
        ISettingService settingService,
        IWebHelper webHelper)
    {
        _attempts = attempts;
        _chargeCalculator = chargeCalculator;
        _orders = orders;
        _settingService = settingService;
        _webHelper = webHelper;
    }

    [HttpGet]
    public async Task<IActionResult> Show(Guid orderGuid, CancellationToken cancellationToken)
    {
        var lookup = await _orders.FindAsync(orderGuid);
        if (UnpayableOrderRedirect.For(this, lookup) is { } redirect)
            return redirect;

        var order = lookup.Order!;
        var urls = new CallbackUrls(_webHelper.GetStoreLocation());
        var resumeUrl = urls.Resume(order.OrderGuid);

        // The amount the latest attempt asked QFPay for; before any attempt, what one would ask for now.
        var latest = (await _attempts.ListByOrderAsync(order.Id, cancellationToken)).MaxBy(static a => a.AttemptNumber);
        var amountText = latest is not null
            ? MinorUnits.Display(latest.AmountMinor, latest.CurrencyCode)
            : await ChargeTextFromOrderAsync(order);

        ShopperPageCaching.Forbid(Response);
        return View(QfPayAlipayDefaults.ViewPath("ScanToPay"), new ScanToPayModel(order.Id, order.CustomOrderNumber ?? string.Empty,
            amountText, resumeUrl, PaymentQrCode.PngDataUri(resumeUrl), urls.Status(order.OrderGuid),
            PollSeconds));
    }

    private async Task<string> ChargeTextFromOrderAsync(Nop.Core.Domain.Orders.Order order)
    {
        var settings = await _settingService.LoadSettingAsync<QfPayAlipaySettings>(order.StoreId);
        var charge = await _chargeCalculator.ForOrderAsync(order, settings);
        return charge.IsValid ? MinorUnits.Display(charge.Value.Minor, charge.Value.Currency) : string.Empty;
    }
}

/// <summary>
/// The desktop page's QR code, drawn on the server as a PNG data: URI: no script, no image request another host could
/// see, and nothing to cache. Error correction M is what phone cameras read reliably from a screen.
/// </summary>
internal static class PaymentQrCode
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
