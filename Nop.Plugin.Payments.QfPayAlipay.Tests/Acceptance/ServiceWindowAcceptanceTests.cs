using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using Nop.Core.Domain.Logging;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.QfPayAlipay.Controllers;
using Nop.Plugin.Payments.QfPayAlipay.Models;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Fields;
using Nop.Plugin.Payments.QfPayAlipay.Services.Checkout;
using Nop.Plugin.Payments.QfPayAlipay.Tests.Alipay;
using Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;
using QfPaySimulator;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Acceptance;

/// <summary>
/// 800107 (Alipay Service Window H5) end to end, issue #7 item 4: the shop's PostProcessPayment sends the shopper to the
/// simulator's Alipay authorisation over HTTP, the callback trades the auth_code with an RSA2-signed request, QFPay
/// creates the payment with the user id as openid, the page gets the tradeNO for tradePay, the simulator's tradePay
/// sends the notification to the live shop, and the order is marked paid once.
/// </summary>
public class ServiceWindowAcceptanceTests
{
    private const string MainlandAlipayApp =
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 AliApp(AP/10.5.30.6000) AlipayClient/10.5.30.6000";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private LiveShop _shop = null!;
    private ShiftedClock _clock = null!;
    private HttpClient _browser = null!;

    [SetUp]
    public async Task Start()
    {
        _clock = new ShiftedClock();
        _shop = await LiveShop.StartAsync(clock: _clock);
        var host = _shop.Simulator;
        _shop.Settings.PayType = QfPayPayType.AlipayServiceWindowH5;
        _shop.Settings.AlipayAppId = host.AlipayApp.AppId;
        _shop.Settings.AlipayAppPrivateKey = host.AlipayApp.AppPrivateKey;
        _shop.Settings.AlipayPublicKey = host.AlipayApp.AlipayPublicKey;
        _shop.Settings.AlipayGatewayUrl = host.AlipayGatewayUrl.ToString();
        _shop.Settings.AlipayAuthorizeUrl = host.AlipayAuthorizeUrl.ToString();
        _browser = new HttpClient(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false });
    }

    [TearDown]
    public async Task Stop()
    {
        _browser.Dispose();
        await _shop.DisposeAsync();
    }

    [Test]
    public async Task A_shopper_in_the_alipay_app_is_authorised_pays_with_tradepay_and_the_order_is_paid_once()
    {
        var order = _shop.AddOrder();

        // Checkout: straight to Alipay's silent authorisation; no payment yet (the openid is not known).
        var checkout = await _shop.PostProcessAsync(order, MainlandAlipayApp);
        var authorize = new Uri(checkout.Response.Headers.Location.ToString());
        Assert.Multiple(() =>
        {
            Assert.That(checkout.Response.StatusCode, Is.EqualTo(StatusCodes.Status302Found));
            Assert.That(authorize.GetLeftPart(UriPartial.Path), Is.EqualTo(_shop.Simulator.AlipayAuthorizeUrl.GetLeftPart(UriPartial.Path)));
            Assert.That(Query(authorize)["redirect_uri"], Is.EqualTo(_shop.BaseUrl + "Plugins/QfPayAlipay/AlipayCallback"));
            Assert.That(Query(authorize)["scope"], Is.EqualTo("auth_base"));
            Assert.That(_shop.Simulator.Requests.Any(r => r.Endpoint == SimulatorEndpoint.Payment), Is.False);
        });

        // The fake Alipay comes back with a one-time code and the shop's state.
        var callback = await FollowAuthorizationAsync(authorize);
        var page = await CallbackAsync(callback["auth_code"], callback["state"]);

        var model = (AlipayTradePayModel)((ViewResult)page).Model!;
        var sent = _shop.Simulator.Requests.Single(r => r.Endpoint == SimulatorEndpoint.Payment).Form;
        var tradeNo = model.TradeNo;
        Assert.Multiple(() =>
        {
            Assert.That(((ViewResult)page).ViewName, Does.EndWith("Views/AlipayTradePay.cshtml"));
            Assert.That(sent["pay_type"], Is.EqualTo("800107"));
            Assert.That(sent["openid"], Is.EqualTo(SimulatedAlipayUser.UserIdFor(SimulatedAlipayUser.DefaultName)));
            Assert.That(sent.ContainsKey("expired_time"), Is.False);
            Assert.That(tradeNo, Is.Not.Empty);
            Assert.That(model.TradePayArguments, Is.EqualTo($"{{\"tradeNO\":\"{tradeNo}\"}}"));
            Assert.That(model.StatusUrl, Is.EqualTo($"{_shop.BaseUrl}Plugins/QfPayAlipay/Status/{order.OrderGuid:D}"));
            Assert.That(_shop.Attempts.Single().PayType, Is.EqualTo(800107));
        });

        // The page's tradePay, played by the simulator; the notification settles the order.
        using (var paid = await _shop.Simulator.TradePayAsync(tradeNo))
            Assert.That(paid.IsSuccessStatusCode, Is.True);
        await _shop.Simulator.WaitForDeliveriesToSettleAsync(Patience);

        Assert.Multiple(() =>
        {
            Assert.That(order.PaymentStatus, Is.EqualTo(PaymentStatus.Paid));
            Assert.That(_shop.Simulator.Deliveries.Single().ResponseBody, Is.EqualTo("SUCCESS"));
        });
        _shop.OrderProcessing.Verify(p => p.MarkOrderAsPaidAsync(order), Times.Once);
        Assert.That(_shop.Log.AllText, Does.Not.Contain(_shop.Settings.AlipayAppPrivateKey!).And.Not.Contain(callback["auth_code"]));
    }

    [Test]
    public async Task A_tampered_state_is_refused_and_no_payment_is_created()
    {
        var order = _shop.AddOrder();
        var callback = await FollowAuthorizationAsync(new Uri((await _shop.PostProcessAsync(order, MainlandAlipayApp)).Response.Headers.Location.ToString()));
        var state = callback["state"];
        var tampered = (state[^5] == 'A' ? 'B' : 'A') + string.Empty;
        tampered = state[..^5] + tampered + state[^4..];

        var result = await CallbackAsync(callback["auth_code"], tampered);
        var missing = await CallbackAsync(callback["auth_code"], null);

        Assert.Multiple(() =>
        {
            Assert.That(result, Is.InstanceOf<BadRequestResult>());
            Assert.That(missing, Is.InstanceOf<BadRequestResult>());
            Assert.That(_shop.Simulator.Requests.Any(r => r.Endpoint == SimulatorEndpoint.Payment), Is.False);
            Assert.That(_shop.Attempts.All, Is.Empty);
            Assert.That(order.PaymentStatus, Is.EqualTo(PaymentStatus.Pending));
        });
    }

    [Test]
    public async Task An_answer_that_does_not_verify_with_the_configured_alipay_key_creates_no_payment_and_ends_on_the_problem_page()
    {
        // A valid key, but not the one the simulator's Alipay signs with: every answer looks forged.
        _shop.Settings.AlipayPublicKey = AlipayTestKeys.AlipayPublicKey;
        var order = _shop.AddOrder();
        var callback = await FollowAuthorizationAsync(new Uri((await _shop.PostProcessAsync(order, MainlandAlipayApp)).Response.Headers.Location.ToString()));

        var result = await CallbackAsync(callback["auth_code"], callback["state"]);

        Assert.Multiple(() =>
        {
            Assert.That(((RedirectResult)result).Url, Is.EqualTo($"{_shop.BaseUrl}Plugins/QfPayAlipay/PaymentProblem/{order.OrderGuid:D}"));
            Assert.That(_shop.Simulator.Requests.Any(r => r.Endpoint == SimulatorEndpoint.Payment), Is.False);
            Assert.That(_shop.Attempts.All, Is.Empty);
            Assert.That(_shop.Log.At(LogLevel.Warning).Single(), Does.Contain("ResponseSignatureInvalid"));
        });
    }

    [Test]
    public async Task A_spent_code_restarts_the_silent_authorisation_once_and_then_gives_up()
    {
        var order = _shop.AddOrder();
        var first = await FollowAuthorizationAsync(new Uri((await _shop.PostProcessAsync(order, MainlandAlipayApp)).Response.Headers.Location.ToString()));
        Assert.That(await CallbackAsync(first["auth_code"], first["state"]), Is.InstanceOf<ViewResult>());

        // The same callback again (a reload): the code is spent, so the shop asks Alipay once more.
        var again = await CallbackAsync(first["auth_code"], first["state"]);
        var retry = await FollowAuthorizationAsync(new Uri(((RedirectResult)again).Url));

        // The retry's code is spent too: no third round, the problem page.
        var spent = await CallbackAsync("0123456789abcdef0123456789abcdef", retry["state"]);

        Assert.Multiple(() =>
        {
            Assert.That(((RedirectResult)spent).Url, Does.Contain("/PaymentProblem/"));
            Assert.That(_shop.Simulator.Requests.Count(r => r.Endpoint == SimulatorEndpoint.Payment), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task An_expired_state_restarts_the_authorisation_without_exchanging_the_code()
    {
        var order = _shop.AddOrder();
        var callback = await FollowAuthorizationAsync(new Uri((await _shop.PostProcessAsync(order, MainlandAlipayApp)).Response.Headers.Location.ToString()));
        _clock.Advance(TimeSpan.FromMinutes(11));

        var result = await CallbackAsync(callback["auth_code"], callback["state"]);

        Assert.Multiple(() =>
        {
            Assert.That(((RedirectResult)result).Url, Does.StartWith(_shop.Simulator.AlipayAuthorizeUrl.GetLeftPart(UriPartial.Path)));
            Assert.That(_shop.Simulator.Requests.Any(r => r.Endpoint == SimulatorEndpoint.Payment), Is.False);
        });
    }

    [Test]
    public async Task Checkout_with_unusable_alipay_app_settings_ends_on_the_problem_page_and_says_why_without_the_key()
    {
        // Settings changed after the order was placed: the method was offered, the app no longer validates.
        _shop.Settings.AlipayPublicKey = "not a key";
        var order = _shop.AddOrder();

        var checkout = await _shop.PostProcessAsync(order, MainlandAlipayApp);

        Assert.Multiple(() =>
        {
            Assert.That(checkout.Response.Headers.Location.ToString(), Is.EqualTo($"{_shop.BaseUrl}Plugins/QfPayAlipay/PaymentProblem/{order.OrderGuid:D}"));
            Assert.That(_shop.Log.At(LogLevel.Warning).Single(), Does.Contain("Alipay public key"));
            Assert.That(_shop.Log.AllText, Does.Not.Contain(_shop.Settings.AlipayAppPrivateKey!));
        });
    }

    [Test]
    public async Task Without_the_alipay_app_settings_800107_stays_hidden_as_before()
    {
        _shop.Settings.AlipayAppId = null;
        _shop.Settings.AlipayAppPrivateKey = null;
        _shop.Settings.AlipayPublicKey = null;

        var verdict = await _shop.InScopeAsync(s => s.GetRequiredService<CheckoutVisibility>().EvaluateAsync(_shop.Settings));

        Assert.That(verdict.Reason, Is.EqualTo(CheckoutVisibility.ServiceWindowReason));
    }

    private static Dictionary<string, string> Query(Uri url) =>
        QueryHelpers.ParseQuery(url.Query).ToDictionary(p => p.Key, p => p.Value.ToString());

    /// <summary>The shopper's browser at the fake Alipay: a 302 back to the shop's callback, whose query is returned.</summary>
    private async Task<Dictionary<string, string>> FollowAuthorizationAsync(Uri authorize)
    {
        using var response = await _browser.GetAsync(authorize);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await response.Content.ReadAsStringAsync());
        var location = response.Headers.Location!;
        Assert.That(location.GetLeftPart(UriPartial.Path), Is.EqualTo(_shop.BaseUrl + "Plugins/QfPayAlipay/AlipayCallback"));
        return Query(location);
    }

    /// <summary>The callback as MVC would run it for the browser's GET, in its own scope like a request.</summary>
    private async Task<IActionResult> CallbackAsync(string? authCode, string? state)
    {
        await using var scope = _shop.Services.CreateAsyncScope();
        var controller = ActivatorUtilities.CreateInstance<QfPayAlipayCallbackController>(scope.ServiceProvider);
        controller.ControllerContext = LiveShop.ControllerContextFor(scope.ServiceProvider);
        controller.Url = Mock.Of<IUrlHelper>();
        return await controller.Callback(authCode, state, CancellationToken.None);
    }
}
