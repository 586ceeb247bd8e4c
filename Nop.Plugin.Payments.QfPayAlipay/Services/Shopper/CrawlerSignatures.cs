namespace Nop.Plugin.Payments.QfPayAlipay.Services.Shopper;

/// <summary>
/// Crawlers and link-preview fetchers. They never pay, and several pretend to be a phone (Googlebot's
/// smartphone UA says "Android ... Mobile Safari"), so they are reported as unknown rather than as shoppers.
/// </summary>
internal static class CrawlerSignatures
{
    // Deliberately not a bare "bot": the phone brand Cubot would match it.
    private static readonly string[] Tokens = ["bot/", "bot;", "spider", "crawl", "facebookexternalhit", "+http"];

    public static bool Matches(ReadOnlySpan<char> userAgent)
    {
        foreach (var token in Tokens)
        {
            if (userAgent.Contains(token, StringComparison.OrdinalIgnoreCase))
                return true;
        }

        return false;
    }
}
