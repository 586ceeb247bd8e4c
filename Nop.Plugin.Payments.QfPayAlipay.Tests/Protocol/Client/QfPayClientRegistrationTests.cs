using Microsoft.Extensions.DependencyInjection;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Client;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Protocol.Client;

public class QfPayClientRegistrationTests
{
    [Test]
    public void The_client_resolves_as_a_typed_http_client_without_registering_a_clock()
    {
        var services = new ServiceCollection();
        services.AddHttpClient<QfPayClient>();
        using var provider = services.BuildServiceProvider();

        Assert.That(provider.GetRequiredService<QfPayClient>(), Is.Not.Null);
    }

    [Test]
    public void The_client_uses_a_registered_clock_when_there_is_one()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        services.AddHttpClient<QfPayClient>();
        using var provider = services.BuildServiceProvider();

        Assert.That(provider.GetRequiredService<QfPayClient>(), Is.Not.Null);
    }
}
