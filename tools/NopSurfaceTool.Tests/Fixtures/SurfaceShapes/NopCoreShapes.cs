using System.ComponentModel;
using System.Globalization;

namespace Nop.Core
{
    public abstract partial class BaseEntity
    {
        public int Id { get; set; }
    }

    public interface IPagedList<T> : IList<T>
    {
        int PageIndex { get; }
    }

    public class PagedList<T> : List<T>, IPagedList<T>
    {
        public PagedList(IList<T> source, int pageIndex, int pageSize, int? totalCount = null) { }
        public int PageIndex { get; }
    }

    public class NopException : Exception
    {
        public NopException() { }
        public NopException(string message) : base(message) { }
        public NopException(string messageFormat, params object[] args) : base(string.Format(messageFormat, args)) { }
        public NopException(string message, Exception innerException) : base(message, innerException) { }
    }
}

namespace Nop.Core.Caching
{
    public partial class CacheKey
    {
        public CacheKey(string key) { Key = key; }
        public virtual CacheKey Create(Func<object, object> createCacheKeyParameters, params object[] keyObjects) => this;
        public string Key { get; protected set; }
        public int CacheTime { get; set; }
    }

    public interface ICacheKeyService
    {
        CacheKey PrepareKey(CacheKey cacheKey, params object[] cacheKeyParameters);
    }

    public interface IStaticCacheManager : IDisposable, ICacheKeyService
    {
        Task<T> GetAsync<T>(CacheKey key, T defaultValue = default!);
    }
}

namespace Nop.Core.Configuration
{
    public interface IConfig
    {
    }

    public partial class AppSettings
    {
        public AppSettings(IList<IConfig>? configurations = null) { }

        public virtual TConfig Get<TConfig>() where TConfig : class, IConfig => null!;
    }
}

namespace Nop.Core.Events
{
    public interface IEventPublisher
    {
    }

    public static class EventPublisherExtensions
    {
        public static void EntityDeleted<T>(this IEventPublisher eventPublisher, T entity) where T : BaseEntity { }
    }
}

namespace Nop.Core.ComponentModel
{
    public class GenericDictionaryTypeConverter<K, V> : TypeConverter
    {
        public override bool CanConvertFrom(ITypeDescriptorContext? context, Type sourceType) => false;
    }
}

namespace Nop.Core.Infrastructure
{
    public class ConcurrentTrie<TValue>
    {
        protected readonly StripedReaderWriterLock _locks = new();
        protected TrieNode _root = new();

        public ConcurrentTrie() { }

        protected ConcurrentTrie(TrieNode subtreeRoot) { _root = subtreeRoot; }

        protected virtual bool Find(string key, TrieNode subtreeRoot, out TrieNode node)
        {
            node = subtreeRoot;
            return false;
        }

        protected virtual TrieNode GetOrAddNode(ReadOnlySpan<char> key, TValue value, bool overwrite = false) => _root;

        public virtual bool TryGetValue(string key, out TValue value)
        {
            value = default!;
            return false;
        }

        protected class TrieNode
        {
            protected static readonly ValueWrapper _deleted = new(default!);
            protected ValueWrapper? _value;

            public TrieNode(string label = "") { }
            public TrieNode(ReadOnlySpan<char> label) { }

            public bool TryGetValue(out TValue value)
            {
                value = default!;
                return false;
            }

            public bool HasValue => _value is not null;

            protected class ValueWrapper
            {
                public readonly TValue Value;
                public ValueWrapper(TValue value) { Value = value; }
            }
        }

        protected class StripedReaderWriterLock
        {
            protected const int MULTIPLIER = 8;
            protected readonly ReaderWriterLockSlim[] _locks = [];

            public StripedReaderWriterLock(int nLocks = 0) { }

            public ReaderWriterLockSlim GetLock(object obj) => _locks[0];
        }
    }
}

namespace Nop.Core.Domain.Catalog { public partial class Product : Nop.Core.BaseEntity { } }
namespace Nop.Core.Domain.Customers { public partial class Customer : Nop.Core.BaseEntity { } }
namespace Nop.Core.Domain.Stores { public partial class Store : Nop.Core.BaseEntity { } }
namespace Nop.Core.Domain.Discounts { public partial class Discount : Nop.Core.BaseEntity { } }
