using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Nop.Core.Infrastructure;
using Nop.Plugin.Payments.QfPayAlipay.Services;

namespace Nop.Plugin.Payments.QfPayAlipay.Infrastructure;

/// <summary>Registers the plugin's services with nopCommerce's container (only while the plugin is installed).</summary>
public class NopStartup : INopStartup
{
    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<LogThrottle>();
        services.AddScoped<CheckoutAvailability>();
    }

    public void Configure(IApplicationBuilder application)
    {
    }

    /// <summary>Plain additions to the container run early; the plugin overrides no core service.</summary>
    public int Order => 1;
}
