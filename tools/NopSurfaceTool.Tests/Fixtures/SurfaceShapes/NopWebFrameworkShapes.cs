using System.Globalization;
using Microsoft.AspNetCore.Mvc;

namespace Nop.Web.Framework.Models
{
    public partial record BaseNopModel
    {
        public BaseNopModel()
        {
            CustomProperties = new Dictionary<string, string>();
            PostInitialize();
        }

        protected virtual void PostInitialize() { }

        public Dictionary<string, string> CustomProperties { get; set; }
    }

    public partial record BaseNopEntityModel : BaseNopModel
    {
        public virtual int Id { get; set; }
    }

    public abstract partial record BaseSearchModel : BaseNopModel
    {
        public int Page { get; }
    }
}

namespace Nop.Web.Framework.UI
{
    public partial class NopHtmlHelper
    {
        private NopHtmlHelper() { }

        protected readonly List<CssReferenceMeta> _cssParts = new();

        protected record CssReferenceMeta
        {
            public bool ExcludeFromBundle { get; init; }
            public bool IsLocal { get; init; }
            public string Src { get; init; } = "";
        }
    }
}

namespace Nop.Web.Framework.Mvc.Filters
{
    public sealed class CheckPermissionAttribute : TypeFilterAttribute
    {
        public CheckPermissionAttribute(string permissionSystemName, CheckPermissionResultType resultType = CheckPermissionResultType.Default)
            : base(typeof(object)) { }

        public CheckPermissionResultType ResultType { get; }

        public enum CheckPermissionResultType
        {
            Default,
            Html,
            Text,
            Json,
        }
    }
}

namespace Nop.Web.Framework.Localization
{
    public partial class LocalizedString
    {
        public LocalizedString(string localized) { }
    }

    public delegate LocalizedString Localizer(string text, params object[] args);
}

namespace Nop.Web.Framework.Mvc.ModelBinding.Binders
{
    public partial class InvariantNumberModelBinder
    {
        public InvariantNumberModelBinder(NumberStyles supportedStyles, Microsoft.AspNetCore.Mvc.ModelBinding.IModelBinder globalizedBinder) { }

        protected delegate bool TryParseNumber<T>(string value, NumberStyles styles, IFormatProvider provider, out T result) where T : struct;

        protected virtual T? TryParse<T>(string value, TryParseNumber<T> handler) where T : struct => null;
    }
}
