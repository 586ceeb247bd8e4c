using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewEngines;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using Nop.Plugin.Payments.QfPayAlipay.Models;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Models;

/// <summary>
/// Issue #13 item 1: what the configure page's <c>nop-editor</c> renders for the payment link expiry, reproduced with
/// MVC's own metadata and client-validation providers. nopCommerce 4.90.6's NopEditorTagHelper calls
/// <c>Html.Editor(name, template)</c>; MVC then tries the template name, the metadata's TemplateHint and DataTypeName,
/// then the name of the underlying type, against the admin's EditorTemplates, and renders the template with a view
/// whose model type is the template's <c>@model</c>.
/// </summary>
public class ConfigurationModelEditorTests
{
    // The admin editor templates of nopCommerce 4.90.6 whose @model is a number, with that model type.
    private static readonly Dictionary<string, Type> NumberTemplates = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Int32"] = typeof(int),
        ["Int32Nullable"] = typeof(int?),
        ["Decimal"] = typeof(decimal),
        ["DecimalNullable"] = typeof(decimal?),
        ["Double"] = typeof(double),
    };

    private static ServiceProvider _services = null!;

    [OneTimeSetUp]
    public static void StartMvc() =>
        _services = new ServiceCollection().AddLogging().AddMvcCore().AddViews().AddDataAnnotations().Services.BuildServiceProvider();

    [OneTimeTearDown]
    public static void StopMvc() => _services.Dispose();

    /// <summary>The data-val-* attributes the template's input gets for <paramref name="property"/> of a blank page.</summary>
    private static Dictionary<string, string> RenderedValidationAttributes<TPage>(TPage page, string property, out string template)
    {
        var metadataProvider = _services.GetRequiredService<IModelMetadataProvider>();
        var pageData = new ViewDataDictionary<TPage>(metadataProvider, new ModelStateDictionary()) { Model = page };
        var propertyExplorer = pageData.ModelExplorer.GetExplorerForProperty(property);
        var metadata = propertyExplorer.Metadata;

        template = new[] { metadata.TemplateHint, metadata.DataTypeName, metadata.UnderlyingOrModelType.Name }
            .First(name => name is not null && NumberTemplates.ContainsKey(name))!;

        // What MVC's template builder hands the template: the page's data with this property's explorer.
        var forTemplate = new ViewDataDictionary(pageData) { ModelExplorer = propertyExplorer.GetExplorerForModel(propertyExplorer.Model) };
        var templateData = (ViewDataDictionary)Activator.CreateInstance(
            typeof(ViewDataDictionary<>).MakeGenericType(NumberTemplates[template]), forTemplate)!;

        var viewContext = new ViewContext(
            new ActionContext(new DefaultHttpContext { RequestServices = _services }, new RouteData(), new ActionDescriptor()),
            Mock.Of<IView>(), templateData, Mock.Of<ITempDataDictionary>(), TextWriter.Null, new HtmlHelperOptions());
        var attributes = new Dictionary<string, string>();
        _services.GetRequiredService<ValidationHtmlAttributeProvider>().AddValidationAttributes(viewContext, templateData.ModelExplorer, attributes);
        return attributes;
    }

    [Test]
    public void The_payment_link_expiry_is_rendered_by_the_nullable_number_template()
    {
        RenderedValidationAttributes(new ConfigurationModel(), nameof(ConfigurationModel.PaymentExpiryMinutes), out var template);

        Assert.That(template, Is.EqualTo("Int32Nullable"));
    }

    [Test]
    public void A_blank_payment_link_expiry_is_not_required_by_the_browser()
    {
        var attributes = RenderedValidationAttributes(new ConfigurationModel(), nameof(ConfigurationModel.PaymentExpiryMinutes), out _);

        // The next test shows the same rig does see an implicit "required" when there is one.
        Assert.That(attributes.Keys, Has.No.Member("data-val-required"));
    }

    [Test]
    public void Without_the_hint_an_optional_number_is_required_as_the_real_store_showed()
    {
        var attributes = RenderedValidationAttributes(new PageWithPlainOptionalNumber(), nameof(PageWithPlainOptionalNumber.Minutes), out var template);

        Assert.Multiple(() =>
        {
            Assert.That(template, Is.EqualTo("Int32"));
            Assert.That(attributes.GetValueOrDefault("data-val-required"), Is.EqualTo("The Int32 field is required."));
        });
    }

    public sealed record PageWithPlainOptionalNumber
    {
        public int? Minutes { get; set; }
    }
}
