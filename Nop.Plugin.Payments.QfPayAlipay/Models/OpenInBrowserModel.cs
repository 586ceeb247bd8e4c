namespace Nop.Plugin.Payments.QfPayAlipay.Models;

/// <summary>The in-app browser page: the steps for the host app and the plugin's resume link (never a pay_url).</summary>
/// <param name="StepsKey">Locale key of the host app's "Open in browser" steps.</param>
/// <param name="LeadWithCopyLink">The app has no "Open in browser" menu item: the copy button comes first.</param>
public sealed record OpenInBrowserModel(int OrderId, string CustomOrderNumber, string ResumeUrl, string StepsKey, bool LeadWithCopyLink);
