using Microsoft.Extensions.DependencyInjection;

namespace Nop.Web.Framework.Infrastructure.Extensions;

/// <summary>Reference surface (subset): HttpClient registration helpers.</summary>
public static partial class HttpClientBuilderExtensions
{
    /// <summary>
    /// The real method applies nopCommerce's proxy settings to the client's primary handler; here it does
    /// nothing, so plugin startup code can run in tests.
    /// </summary>
    public static void WithProxy(this IHttpClientBuilder httpClientBuilder)
    {
    }
}
