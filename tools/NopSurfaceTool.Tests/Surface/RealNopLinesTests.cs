namespace NopSurfaceTool.Tests.Surface;

/// <summary>
/// Lines copied from nop-4.90.6-surface.txt whose shapes the SurfaceShapes fixture declares again. T lines carry the
/// fixture's assembly name (SurfaceShapes) instead of the nopCommerce one; everything else is verbatim.
/// </summary>
public class RealNopLinesTests
{
    [TestCase("T SurfaceShapes class Nop.Core.Infrastructure.ConcurrentTrie<TValue>")]
    [TestCase("T SurfaceShapes protected-class Nop.Core.Infrastructure.ConcurrentTrie<TValue>+TrieNode")]
    [TestCase("T SurfaceShapes protected-class Nop.Core.Infrastructure.ConcurrentTrie<TValue>+TrieNode+ValueWrapper")]
    [TestCase("T SurfaceShapes protected-class Nop.Core.Infrastructure.ConcurrentTrie<TValue>+StripedReaderWriterLock")]
    [TestCase("C Nop.Core.Infrastructure.ConcurrentTrie<TValue> protected .ctor(Nop.Core.Infrastructure.ConcurrentTrie<TValue>+TrieNode subtreeRoot)")]
    [TestCase("C Nop.Core.Infrastructure.ConcurrentTrie<TValue>+TrieNode public .ctor(System.String label = \"\")")]
    [TestCase("C Nop.Core.Infrastructure.ConcurrentTrie<TValue>+TrieNode public .ctor(System.ReadOnlySpan<System.Char> label)")]
    [TestCase("C Nop.Core.Infrastructure.ConcurrentTrie<TValue>+TrieNode+ValueWrapper public .ctor(TValue value)")]
    [TestCase("C Nop.Core.Infrastructure.ConcurrentTrie<TValue>+StripedReaderWriterLock public .ctor(System.Int32 nLocks = 0)")]
    [TestCase("F Nop.Core.Infrastructure.ConcurrentTrie<TValue> protected - Nop.Core.Infrastructure.ConcurrentTrie<TValue>+TrieNode _root")]
    [TestCase("F Nop.Core.Infrastructure.ConcurrentTrie<TValue> protected readonly Nop.Core.Infrastructure.ConcurrentTrie<TValue>+StripedReaderWriterLock _locks")]
    [TestCase("F Nop.Core.Infrastructure.ConcurrentTrie<TValue>+TrieNode protected static readonly Nop.Core.Infrastructure.ConcurrentTrie<TValue>+TrieNode+ValueWrapper _deleted")]
    [TestCase("F Nop.Core.Infrastructure.ConcurrentTrie<TValue>+TrieNode+ValueWrapper public readonly TValue Value")]
    [TestCase("F Nop.Core.Infrastructure.ConcurrentTrie<TValue>+StripedReaderWriterLock protected const System.Int32 MULTIPLIER = 8")]
    [TestCase("F Nop.Core.Infrastructure.ConcurrentTrie<TValue>+StripedReaderWriterLock protected readonly System.Threading.ReaderWriterLockSlim[] _locks")]
    [TestCase("M Nop.Core.Infrastructure.ConcurrentTrie<TValue> protected virtual System.Boolean Find(System.String key, Nop.Core.Infrastructure.ConcurrentTrie<TValue>+TrieNode subtreeRoot, out Nop.Core.Infrastructure.ConcurrentTrie<TValue>+TrieNode node)")]
    [TestCase("M Nop.Core.Infrastructure.ConcurrentTrie<TValue> protected virtual Nop.Core.Infrastructure.ConcurrentTrie<TValue>+TrieNode GetOrAddNode(System.ReadOnlySpan<System.Char> key, TValue value, System.Boolean overwrite = false)")]
    [TestCase("M Nop.Core.Infrastructure.ConcurrentTrie<TValue>+TrieNode public - System.Boolean TryGetValue(out TValue value)")]
    [TestCase("P Nop.Core.Infrastructure.ConcurrentTrie<TValue>+TrieNode public - System.Boolean HasValue { get; }")]
    public void Nested_types_of_generic_types_are_named_with_only_their_own_generic_parameters(string line) =>
        Assert.That(SurfaceShapesOutput.Lines, Does.Contain(line));

    [TestCase("T SurfaceShapes record Nop.Web.Framework.Models.BaseNopModel")]
    [TestCase("T SurfaceShapes record Nop.Web.Framework.Models.BaseNopEntityModel")]
    [TestCase("T SurfaceShapes abstract-record Nop.Web.Framework.Models.BaseSearchModel")]
    [TestCase("T SurfaceShapes protected-record Nop.Web.Framework.UI.NopHtmlHelper+CssReferenceMeta")]
    [TestCase("B Nop.Web.Framework.Models.BaseNopEntityModel Nop.Web.Framework.Models.BaseNopModel")]
    [TestCase("I Nop.Web.Framework.Models.BaseNopEntityModel System.IEquatable<Nop.Web.Framework.Models.BaseNopEntityModel>")]
    [TestCase("P Nop.Web.Framework.Models.BaseNopEntityModel public virtual System.Int32 Id { get; set; }")]
    [TestCase("I Nop.Web.Framework.UI.NopHtmlHelper+CssReferenceMeta System.IEquatable<Nop.Web.Framework.UI.NopHtmlHelper+CssReferenceMeta>")]
    [TestCase("C Nop.Web.Framework.UI.NopHtmlHelper+CssReferenceMeta public .ctor()")]
    [TestCase("P Nop.Web.Framework.UI.NopHtmlHelper+CssReferenceMeta public - System.Boolean ExcludeFromBundle { get; init; }")]
    [TestCase("P Nop.Web.Framework.UI.NopHtmlHelper+CssReferenceMeta public - System.String Src { get; init; }")]
    [TestCase("F Nop.Web.Framework.UI.NopHtmlHelper protected readonly System.Collections.Generic.List<Nop.Web.Framework.UI.NopHtmlHelper+CssReferenceMeta> _cssParts")]
    [TestCase("P Nop.Web.Framework.Models.BaseSearchModel public - System.Int32 Page { get; }")]
    public void Records_are_detected_and_keep_only_their_declared_members(string line) =>
        Assert.That(SurfaceShapesOutput.Lines, Does.Contain(line));

    [Test]
    public void A_record_lists_exactly_what_the_real_surface_lists_for_BaseNopModel()
    {
        Assert.That(SurfaceShapesOutput.LinesOfType("Nop.Web.Framework.Models.BaseNopModel"), Is.EqualTo(new[]
        {
            "C Nop.Web.Framework.Models.BaseNopModel public .ctor()",
            "I Nop.Web.Framework.Models.BaseNopModel System.IEquatable<Nop.Web.Framework.Models.BaseNopModel>",
            "M Nop.Web.Framework.Models.BaseNopModel protected virtual System.Void PostInitialize()",
            "P Nop.Web.Framework.Models.BaseNopModel public - System.Collections.Generic.Dictionary<System.String,System.String> CustomProperties { get; set; }",
            "T SurfaceShapes record Nop.Web.Framework.Models.BaseNopModel",
        }));
    }

    [TestCase("G Nop.Core.Configuration.AppSettings Get<TConfig>() TConfig : class, Nop.Core.Configuration.IConfig")]
    [TestCase("M Nop.Core.Configuration.AppSettings public virtual TConfig Get<TConfig>()")]
    [TestCase("C Nop.Core.Configuration.AppSettings public .ctor(System.Collections.Generic.IList<Nop.Core.Configuration.IConfig> configurations = null)")]
    [TestCase("G Nop.Core.Events.EventPublisherExtensions EntityDeleted<T>(this Nop.Core.Events.IEventPublisher eventPublisher, T entity) T : Nop.Core.BaseEntity")]
    [TestCase("M Nop.Core.Events.EventPublisherExtensions public static System.Void EntityDeleted<T>(this Nop.Core.Events.IEventPublisher eventPublisher, T entity)")]
    [TestCase("T SurfaceShapes static-class Nop.Core.Events.EventPublisherExtensions")]
    [TestCase("G Nop.Services.Localization.ILocalizationService GetLocalizedEnumAsync<TEnum>(TEnum enumValue, System.Nullable<System.Int32> languageId = null) TEnum : struct")]
    [TestCase("M Nop.Services.Localization.ILocalizationService public abstract System.Threading.Tasks.Task<System.String> GetLocalizedEnumAsync<TEnum>(TEnum enumValue, System.Nullable<System.Int32> languageId = null)")]
    [TestCase("G Nop.Web.Framework.Mvc.ModelBinding.Binders.InvariantNumberModelBinder TryParse<T>(System.String value, Nop.Web.Framework.Mvc.ModelBinding.Binders.InvariantNumberModelBinder+TryParseNumber<T> handler) T : struct")]
    [TestCase("G Nop.Web.Framework.Mvc.ModelBinding.Binders.InvariantNumberModelBinder+TryParseNumber<T> T : struct")]
    [TestCase("M Nop.Web.Framework.Mvc.ModelBinding.Binders.InvariantNumberModelBinder protected virtual System.Nullable<T> TryParse<T>(System.String value, Nop.Web.Framework.Mvc.ModelBinding.Binders.InvariantNumberModelBinder+TryParseNumber<T> handler)")]
    public void Generic_constraints_get_G_lines_for_types_and_methods(string line) =>
        Assert.That(SurfaceShapesOutput.Lines, Does.Contain(line));

    [TestCase("T SurfaceShapes delegate Nop.Web.Framework.Localization.Localizer")]
    [TestCase("M Nop.Web.Framework.Localization.Localizer public - Nop.Web.Framework.Localization.LocalizedString Invoke(System.String text, params System.Object[] args)")]
    [TestCase("T SurfaceShapes protected-delegate Nop.Web.Framework.Mvc.ModelBinding.Binders.InvariantNumberModelBinder+TryParseNumber<T>")]
    [TestCase("M Nop.Web.Framework.Mvc.ModelBinding.Binders.InvariantNumberModelBinder+TryParseNumber<T> public - System.Boolean Invoke(System.String value, System.Globalization.NumberStyles styles, System.IFormatProvider provider, out T result)")]
    public void Delegates_are_described_by_their_Invoke_signature_only(string line) =>
        Assert.That(SurfaceShapesOutput.Lines, Does.Contain(line));

    [Test]
    public void Delegates_list_no_constructor_BeginInvoke_or_EndInvoke()
    {
        Assert.That(SurfaceShapesOutput.LinesOfType("Nop.Web.Framework.Localization.Localizer"), Is.EqualTo(new[]
        {
            "M Nop.Web.Framework.Localization.Localizer public - Nop.Web.Framework.Localization.LocalizedString Invoke(System.String text, params System.Object[] args)",
            "T SurfaceShapes delegate Nop.Web.Framework.Localization.Localizer",
        }));
    }

    [TestCase("C Nop.Web.Framework.Mvc.Filters.CheckPermissionAttribute public .ctor(System.String permissionSystemName, Nop.Web.Framework.Mvc.Filters.CheckPermissionAttribute+CheckPermissionResultType resultType = Nop.Web.Framework.Mvc.Filters.CheckPermissionAttribute+CheckPermissionResultType.Default)")]
    [TestCase("F Nop.Web.Framework.Mvc.Filters.CheckPermissionAttribute+CheckPermissionResultType public const Nop.Web.Framework.Mvc.Filters.CheckPermissionAttribute+CheckPermissionResultType Json = 3")]
    [TestCase("B Nop.Web.Framework.Mvc.Filters.CheckPermissionAttribute Microsoft.AspNetCore.Mvc.TypeFilterAttribute")]
    [TestCase("T SurfaceShapes sealed-class Nop.Web.Framework.Mvc.Filters.CheckPermissionAttribute")]
    [TestCase("C Nop.Services.Orders.CustomValue public .ctor(System.String name, System.String value, Nop.Services.Orders.CustomValueDisplayLocation displayLocation = Nop.Services.Orders.CustomValueDisplayLocation.Payment, System.Boolean displayToCustomer = true, System.Nullable<System.DateTime> createdOnUtc = null)")]
    [TestCase("C Nop.Core.PagedList<T> public .ctor(System.Collections.Generic.IList<T> source, System.Int32 pageIndex, System.Int32 pageSize, System.Nullable<System.Int32> totalCount = null)")]
    [TestCase("M Nop.Core.Caching.IStaticCacheManager public abstract System.Threading.Tasks.Task<T> GetAsync<T>(Nop.Core.Caching.CacheKey key, T defaultValue = null)")]
    [TestCase("M Nop.Services.Catalog.IPriceCalculationService public abstract System.Threading.Tasks.Task<System.ValueTuple<System.Decimal,System.Decimal,System.Decimal,System.Collections.Generic.List<Nop.Core.Domain.Discounts.Discount>>> GetFinalPriceAsync(Nop.Core.Domain.Catalog.Product product, Nop.Core.Domain.Customers.Customer customer, Nop.Core.Domain.Stores.Store store, System.Decimal additionalCharge = 0, System.Boolean includeDiscounts = true, System.Int32 quantity = 1)")]
    [TestCase("F Nop.Services.Html.ResolveLinksHelper protected const System.String LINK = \"<a href=\\\"{0}{1}\\\" rel=\\\"nofollow\\\">{2}</a>\"")]
    [TestCase("F Nop.Services.Html.ResolveLinksHelper protected static readonly System.Text.RegularExpressions.Regex _regex")]
    [TestCase("M Nop.Services.Html.ResolveLinksHelper protected static System.String ShortenUrl(System.String url, System.Int32 max)")]
    [TestCase("C Nop.Core.NopException public .ctor(System.String messageFormat, params System.Object[] args)")]
    public void Defaults_constants_and_params_are_written_like_the_real_surface(string line) =>
        Assert.That(SurfaceShapesOutput.Lines, Does.Contain(line));

    [TestCase("T SurfaceShapes interface Nop.Services.Payments.IPaymentMethod")]
    [TestCase("I Nop.Services.Payments.IPaymentMethod Nop.Services.Plugins.IPlugin")]
    [TestCase("P Nop.Services.Payments.IPaymentMethod public abstract System.Boolean SkipPaymentInfo { get; }")]
    [TestCase("P Nop.Services.Plugins.IPlugin public abstract Nop.Services.Plugins.PluginDescriptor PluginDescriptor { get; set; }")]
    [TestCase("M Nop.Services.Plugins.IPlugin public abstract System.Threading.Tasks.Task InstallAsync()")]
    [TestCase("I Nop.Core.Caching.IStaticCacheManager System.IDisposable")]
    [TestCase("I Nop.Core.Caching.IStaticCacheManager Nop.Core.Caching.ICacheKeyService")]
    [TestCase("B Nop.Services.Orders.CustomValues System.Collections.Generic.List<Nop.Services.Orders.CustomValue>")]
    [TestCase("P Nop.Services.Orders.CustomValues public virtual System.String Item[System.String name] { get; set; }")]
    [TestCase("M Nop.Services.Orders.CustomValues public virtual System.Boolean TryGetValue(System.String name, out Nop.Services.Orders.CustomValue customValue)")]
    [TestCase("B Nop.Core.PagedList<T> System.Collections.Generic.List<T>")]
    [TestCase("I Nop.Core.PagedList<T> Nop.Core.IPagedList<T>")]
    [TestCase("P Nop.Core.Caching.CacheKey public - System.String Key { get; protected set; }")]
    [TestCase("M Nop.Core.Caching.CacheKey public virtual Nop.Core.Caching.CacheKey Create(System.Func<System.Object,System.Object> createCacheKeyParameters, params System.Object[] keyObjects)")]
    [TestCase("B Nop.Core.ComponentModel.GenericDictionaryTypeConverter<K,V> System.ComponentModel.TypeConverter")]
    [TestCase("M Nop.Core.ComponentModel.GenericDictionaryTypeConverter<K,V> public override System.Boolean CanConvertFrom(System.ComponentModel.ITypeDescriptorContext context, System.Type sourceType)")]
    public void Interfaces_base_types_indexers_accessors_and_overrides_match_the_real_surface(string line) =>
        Assert.That(SurfaceShapesOutput.Lines, Does.Contain(line));

    [Test]
    public void Interfaces_a_base_class_already_implements_are_not_repeated()
    {
        var interfaces = SurfaceShapesOutput.LinesOfType("Nop.Core.PagedList<T>").Where(l => l.StartsWith("I ", StringComparison.Ordinal));

        Assert.That(interfaces, Is.EqualTo(new[] { "I Nop.Core.PagedList<T> Nop.Core.IPagedList<T>" }));
    }

    [Test]
    public void Every_nopCommerce_shaped_fixture_line_is_in_the_real_surface_file_when_it_is_available()
    {
        var realFile = FixtureAssemblies.RealSurfaceFile();
        if (realFile is null)
            Assert.Ignore("../shared/nopcommerce/nop-4.90.6-surface.txt is not on this machine");

        // The real T lines name nopCommerce assemblies; the fixture is one assembly, so compare T lines without it.
        static string WithoutAssembly(string line) =>
            line.StartsWith("T ", StringComparison.Ordinal) ? "T " + string.Join(' ', line.Split(' ').Skip(2)) : line;
        var real = File.ReadLines(realFile!).Where(l => !l.StartsWith('#')).Select(WithoutAssembly).ToHashSet(StringComparer.Ordinal);
        var nopShaped = SurfaceShapesOutput.Lines.Where(l => !l.Contains("SurfaceShapes.Rules", StringComparison.Ordinal)).Select(WithoutAssembly);

        Assert.That(nopShaped.Where(l => !real.Contains(l)), Is.Empty);
    }
}
