using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;

/// <summary>
/// Builds <see cref="QfPayAlipayPaymentMethod"/> the way nopCommerce does (constructor injection), from a container
/// that has the plugin's services. nopCommerce services the checkout does not touch (localization, installer
/// dependencies, fees) are loose mocks unless the container has them. The one place that knows the constructor.
/// </summary>
public static class PaymentMethodFactory
{
    /// <param name="overrides">Constructor arguments to use instead of the container's (matched by type).</param>
    public static QfPayAlipayPaymentMethod Create(IServiceProvider services, IHttpContextAccessor? httpContextAccessor = null, params object[] overrides)
    {
        return ActivatorUtilities.CreateInstance<QfPayAlipayPaymentMethod>(new FallbackProvider(services, httpContextAccessor), overrides);
    }

    /// <summary>Answers from the container first, then with loose mocks for nopCommerce interfaces it lacks.</summary>
    private sealed class FallbackProvider(IServiceProvider inner, IHttpContextAccessor? httpContextAccessor) : IServiceProvider
    {
        public object? GetService(Type serviceType)
        {
            if (serviceType == typeof(IHttpContextAccessor) && httpContextAccessor is not null)
                return httpContextAccessor;

            try
            {
                if (inner.GetService(serviceType) is { } service)
                    return service;
            }
            catch (InvalidOperationException)
            {
                // Registered, but needs nopCommerce services this container lacks: built below from the fallbacks.
            }

            if (serviceType.IsInterface && serviceType.Namespace?.StartsWith("Nop.", StringComparison.Ordinal) == true)
                return ((Mock)Activator.CreateInstance(typeof(Mock<>).MakeGenericType(serviceType))!).Object;

            if (serviceType is { IsClass: true, IsAbstract: false } && serviceType.Assembly == typeof(QfPayAlipayPaymentMethod).Assembly)
                return ActivatorUtilities.CreateInstance(this, serviceType);

            return null;
        }
    }
}
