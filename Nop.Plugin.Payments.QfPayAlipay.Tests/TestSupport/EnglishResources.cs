using Moq;
using Nop.Plugin.Payments.QfPayAlipay.Localization;
using Nop.Services.Localization;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;

/// <summary>A localization service that answers with the plugin's own English texts, so tests read real messages.</summary>
public static class EnglishResources
{
    public static Mock<ILocalizationService> Mock()
    {
        var localization = new Mock<ILocalizationService>();
        localization.Setup(l => l.GetResourceAsync(It.IsAny<string>()))
            .ReturnsAsync((string key) => PluginResources.English(key) ?? key);
        return localization;
    }

    /// <summary>The English text of <paramref name="key"/>; fails the test when the key does not exist.</summary>
    public static string Text(string key) =>
        PluginResources.English(key) ?? throw new AssertionException($"No resource {key}");
}
