using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;
using QfPaySimulator;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Endpoints;

/// <summary>The notification route over real HTTP (Kestrel, the plugin's RouteProvider and endpoint).</summary>
[TestFixture]
[NonParallelizable]
public class NotificationEndpointTests
{
    private LiveShop _shop = null!;
    private HttpClient _http = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _shop = await LiveShop.StartAsync();
        _http = new HttpClient(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false });
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _http.Dispose();
        await _shop.DisposeAsync();
    }

    private async Task<(HttpStatusCode Status, string Body, HttpResponseMessage Response)> PostAsync(byte[] body, string? signature)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, _shop.NotifyUrl) { Content = content };
        if (signature is not null)
            request.Headers.TryAddWithoutValidation("X-QF-SIGN", signature);
        var response = await _http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response);
    }

    [Test]
    public async Task A_signed_payment_notification_is_answered_200_SUCCESS_in_plain_text()
    {
        var order = _shop.AddOrder();
        var attempt = _shop.SeedAttempt(order);
        var body = SignedNotification.PaymentFor(attempt).ToBody();

        var (status, text, response) = await PostAsync(Encoding.UTF8.GetBytes(body), NotificationSignature.Compute(body, _shop.Settings.ClientKey!));

        Assert.That((status, text), Is.EqualTo((HttpStatusCode.OK, "SUCCESS")));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/plain"));
        Assert.That(order.PaymentStatus, Is.EqualTo(PaymentStatus.Paid));
    }

    [Test]
    public async Task A_GET_is_answered_405_with_the_allowed_method()
    {
        using var response = await _http.GetAsync(_shop.NotifyUrl);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
        Assert.That(response.Content.Headers.Allow, Is.EquivalentTo(new[] { "POST" }));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("METHOD NOT ALLOWED"));
    }

    [Test]
    public async Task An_oversized_body_is_answered_413_without_being_read_in_full()
    {
        var (status, text, _) = await PostAsync(new byte[70 * 1024], "0123456789ABCDEF0123456789ABCDEF");

        Assert.That((status, text), Is.EqualTo((HttpStatusCode.RequestEntityTooLarge, "PAYLOAD TOO LARGE")));
    }

    [Test]
    public async Task An_oversized_body_sent_in_chunks_is_answered_413_too()
    {
        using var content = new StreamContent(new MemoryStream(new byte[200 * 1024]));
        using var request = new HttpRequestMessage(HttpMethod.Post, _shop.NotifyUrl) { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await _http.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
    }

    [Test]
    public async Task An_empty_body_is_answered_400()
    {
        var (status, text, _) = await PostAsync([], "0123456789ABCDEF0123456789ABCDEF");

        Assert.That((status, text), Is.EqualTo((HttpStatusCode.BadRequest, "EMPTY BODY")));
    }

    [Test]
    public async Task A_forged_notification_is_answered_401_and_pays_nothing()
    {
        var order = _shop.AddOrder();
        var attempt = _shop.SeedAttempt(order);
        var body = SignedNotification.PaymentFor(attempt).ToBody();

        var (status, text, _) = await PostAsync(Encoding.UTF8.GetBytes(body), NotificationSignature.Compute(body, "not the key"));

        Assert.That((status, text), Is.EqualTo((HttpStatusCode.Unauthorized, "BAD SIGNATURE")));
        Assert.That(order.PaymentStatus, Is.EqualTo(PaymentStatus.Pending));
    }

    [Test]
    public void The_route_is_a_plain_endpoint_so_no_MVC_filter_of_the_store_runs_before_it()
    {
        var endpoints = _shop.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(static e => e.RoutePattern.RawText == QfPayAlipayDefaults.NotificationPath)
            .ToList();

        Assert.That(endpoints, Has.Count.EqualTo(1));
        Assert.Multiple(() =>
        {
            Assert.That(endpoints[0].Metadata.GetMetadata<ControllerActionDescriptor>(), Is.Null);
            Assert.That(endpoints[0].Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName, Is.EqualTo(QfPayAlipayDefaults.Routes.Notify));
            Assert.That(endpoints[0].Metadata.GetMetadata<IHttpMethodMetadata>(), Is.Null, "every method reaches it, so a GET gets the documented 405");
        });
    }

    [Test]
    public async Task The_route_is_language_neutral_and_not_under_a_culture_prefix()
    {
        using var response = await _http.PostAsync(new Uri(_shop.BaseUrl + "en/" + QfPayAlipayDefaults.NotificationPath), new StringContent("{}"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }
}
