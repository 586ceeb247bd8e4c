using System.Reflection;
using Nop.Plugin.Payments.QfPayAlipay.Services.Lifecycle;
using Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Services.Lifecycle;

public class SettingFieldsTests
{
    [Test]
    public void Every_settings_property_is_listed_once_so_upgrades_add_it()
    {
        var properties = typeof(QfPayAlipaySettings).GetProperties(BindingFlags.Instance | BindingFlags.Public)
            .Where(p => p.CanRead && p.CanWrite)
            .Select(p => p.Name);

        Assert.That(SettingFields.All.Select(f => f.PropertyName), Is.EquivalentTo(properties).And.Unique);
    }

    [Test]
    public async Task A_field_writes_its_own_property_for_the_store_given()
    {
        var store = new PerStoreSettingService();
        var settings = new QfPayAlipaySettings { ReconciliationIntervalMinutes = 25 };
        var field = SettingFields.All.Single(f => f.PropertyName == nameof(QfPayAlipaySettings.ReconciliationIntervalMinutes));

        await field.SaveAsync(store, settings, 3);

        Assert.That(await field.ExistsAsync(store, settings, 3), Is.True);
        Assert.That(await field.ExistsAsync(store, settings, 0), Is.False);
        Assert.That(store.Rows, Has.Count.EqualTo(1));
        Assert.That(store.CacheClears, Is.Zero);
    }
}
