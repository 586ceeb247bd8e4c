using Microsoft.AspNetCore.Http;

namespace Nop.Plugin.Payments.QfPayAlipay.Services.Shopper;

/// <summary>Classifies the browser behind a request from its User-Agent and the client hints it sent unasked.</summary>
public static class ShopperBrowser
{
    // Chromium sends these low-entropy hints on every HTTPS request without an Accept-CH opt-in; the others would
    // need the shop to ask for them first, which core's responses do not.
    private static readonly string[] HintHeaders = [ClientHintNames.Mobile, ClientHintNames.Platform, ClientHintNames.Brands];

    public static BrowserClassification Of(HttpRequest? request)
    {
        if (request is null)
            return BrowserClassification.Unknown;

        var hints = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in HintHeaders)
        {
            if (request.Headers.TryGetValue(name, out var value) && value.ToString() is { Length: > 0 } text)
                hints[name] = text;
        }

        return BrowserClassifier.Classify(request.Headers.UserAgent.ToString(), hints);
    }
}
