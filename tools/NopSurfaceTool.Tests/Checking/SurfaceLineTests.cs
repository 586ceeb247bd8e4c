using NopSurfaceTool.Checking;

namespace NopSurfaceTool.Tests.Checking;

public class SurfaceLineTests
{
    [TestCase("T Nop.Core class Nop.Core.PagedList<T>", 'T', "Nop.Core.PagedList<T>", null)]
    [TestCase("B Nop.Core.PagedList<T> System.Collections.Generic.List<T>", 'B', "Nop.Core.PagedList<T>", null)]
    [TestCase("G Nop.Core.Configuration.AppSettings Get<TConfig>() TConfig : class, Nop.Core.Configuration.IConfig", 'G', "Nop.Core.Configuration.AppSettings", "Get")]
    [TestCase("G Nop.Core.Events.EntityDeletedEvent<T> T : Nop.Core.BaseEntity", 'G', "Nop.Core.Events.EntityDeletedEvent<T>", null)]
    [TestCase("C Nop.Core.NopException public .ctor(System.String message)", 'C', "Nop.Core.NopException", ".ctor")]
    [TestCase("M Nop.Core.Caching.IStaticCacheManager public abstract System.Threading.Tasks.Task<T> GetAsync<T>(Nop.Core.Caching.CacheKey key, T defaultValue = null)", 'M', "Nop.Core.Caching.IStaticCacheManager", "GetAsync")]
    [TestCase("M SurfaceShapes.Rules.Rewritten public abstract override System.String Name()", 'M', "SurfaceShapes.Rules.Rewritten", "Name")]
    [TestCase("M SurfaceShapes.Rules.RefKinds public static ref readonly System.Int32 Peek(System.Int32[] values)", 'M', "SurfaceShapes.Rules.RefKinds", "Peek")]
    [TestCase("P Nop.Services.Orders.CustomValues public virtual System.String Item[System.String name] { get; set; }", 'P', "Nop.Services.Orders.CustomValues", "Item")]
    [TestCase("P Nop.Core.Caching.CacheKey public - System.String Key { get; protected set; }", 'P', "Nop.Core.Caching.CacheKey", "Key")]
    [TestCase("P X.Y public - System.Int32[] Ids { get; }", 'P', "X.Y", "Ids")]
    [TestCase("F Nop.Core.Caching.DistributedCacheLocker protected static readonly System.String _running", 'F', "Nop.Core.Caching.DistributedCacheLocker", "_running")]
    [TestCase("F Nop.Services.Html.ResolveLinksHelper protected const System.String LINK = \"<a href>\"", 'F', "Nop.Services.Html.ResolveLinksHelper", "LINK")]
    [TestCase("E System.AppDomain public - System.EventHandler DomainUnload", 'E', "System.AppDomain", "DomainUnload")]
    public void A_line_is_split_into_kind_type_and_member_name(string text, char kind, string typeName, string? memberName)
    {
        var line = SurfaceLine.Parse(text);

        Assert.That((line.Kind, line.TypeName, line.MemberName), Is.EqualTo((kind, typeName, memberName)));
    }

    [TestCase("Nop.Core.Infrastructure.ConcurrentTrie<TValue>+TrieNode", "Nop.Core.Infrastructure.ConcurrentTrie`1+TrieNode")]
    [TestCase("Nop.Core.ComponentModel.GenericDictionaryTypeConverter<K,V>", "Nop.Core.ComponentModel.GenericDictionaryTypeConverter`2")]
    [TestCase("Nop.Data.EntityRepository<System.Collections.Generic.List<System.Int32>>", "Nop.Data.EntityRepository`1")]
    [TestCase("SurfaceShapes.Rules.Outer<System.Int32>+Inner<System.String>", "SurfaceShapes.Rules.Outer`1+Inner`1")]
    [TestCase("Nop.Core.BaseEntity", "Nop.Core.BaseEntity")]
    public void Surface_type_names_map_to_metadata_names(string surfaceName, string metadataName) =>
        Assert.That(MetadataTypeKey.FromSurfaceName(surfaceName), Is.EqualTo(metadataName));
}
