using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.QfPayAlipay.Controllers;
using Nop.Plugin.Payments.QfPayAlipay.Services.Reconciliation;
using Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;
using Nop.Services.Messages;
using Nop.Services.Security;
using Nop.Web.Framework;
using Nop.Web.Framework.Mvc.Filters;
using QfPaySimulator;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Controllers;

/// <summary>The "Check status now" button's action: admin-only, shows the outcome and goes back to the order.</summary>
public class QfPayOrderStatusControllerTests
{
    [Test]
    public void The_action_is_an_admin_post_that_needs_the_right_to_edit_orders()
    {
        var type = typeof(QfPayOrderStatusController);
        var action = type.GetMethod(nameof(QfPayOrderStatusController.CheckStatus))!;

        Assert.Multiple(() =>
        {
            Assert.That(type.GetCustomAttribute<AuthorizeAdminAttribute>(), Is.Not.Null);
            Assert.That(type.GetCustomAttribute<AreaAttribute>()?.RouteValue, Is.EqualTo(AreaNames.ADMIN));
            Assert.That(type.GetCustomAttribute<AutoValidateAntiforgeryTokenAttribute>(), Is.Not.Null);
            Assert.That(action.GetCustomAttribute<HttpPostAttribute>(), Is.Not.Null);
            Assert.That(action.GetCustomAttribute<CheckPermissionAttribute>()?.PermissionSystemName,
                Is.EqualTo(new[] { StandardPermission.Orders.ORDERS_CREATE_EDIT_DELETE }));
        });
    }

    [Test]
    public async Task Checking_shows_each_outcome_and_returns_to_the_order_page()
    {
        var clock = new JumpingClock(new DateTimeOffset(2026, 3, 18, 6, 0, 0, TimeSpan.Zero));
        await using var rig = await ReconciliationRig.WithSimulatorAsync(clock, ReconciliationRig.DropNotifications);
        var node = rig.NewNode();
        var (order, attempt) = await rig.OpenPaymentAsync(node, pay: true);
        var notifications = new Mock<INotificationService>();

        var result = await node.InScopeAsync(services =>
            Controller(services, notifications.Object).CheckStatus(order.Id));

        var redirect = (RedirectToActionResult)result;
        Assert.Multiple(() =>
        {
            Assert.That((redirect.ControllerName, redirect.ActionName), Is.EqualTo(("Order", "Edit")));
            Assert.That(redirect.RouteValues!["id"], Is.EqualTo(order.Id));
            Assert.That(redirect.RouteValues["area"], Is.EqualTo(AreaNames.ADMIN));
            Assert.That(order.PaymentStatus, Is.EqualTo(PaymentStatus.Paid));
            notifications.Verify(n => n.SuccessNotification($"Payment {attempt.OutTradeNo}: QFPay confirms it is paid; the order is settled.", true, 0), Times.Once());
        });
    }

    internal static QfPayOrderStatusController Controller(IServiceProvider services, INotificationService notifications)
    {
        var controller = ActivatorUtilities.CreateInstance<QfPayOrderStatusController>(services, notifications);
        controller.ControllerContext = LiveShop.ControllerContextFor(services);
        controller.Url = Mock.Of<IUrlHelper>();
        return controller;
    }
}
