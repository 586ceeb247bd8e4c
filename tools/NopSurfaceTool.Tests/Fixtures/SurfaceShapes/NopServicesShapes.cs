using System.Text.RegularExpressions;
using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Discounts;
using Nop.Core.Domain.Stores;

namespace Nop.Services.Plugins
{
    public partial class PluginDescriptor
    {
    }

    public partial interface IPlugin
    {
        string GetConfigurationPageUrl();
        PluginDescriptor PluginDescriptor { get; set; }
        Task InstallAsync();
    }
}

namespace Nop.Services.Payments
{
    public enum PaymentMethodType
    {
        Standard = 10,
        Redirection = 15,
        Button = 20,
    }

    public partial interface IPaymentMethod : Nop.Services.Plugins.IPlugin
    {
        bool SkipPaymentInfo { get; }
        PaymentMethodType PaymentMethodType { get; }
    }
}

namespace Nop.Services.Orders
{
    public enum CustomValueDisplayLocation
    {
        BillingAddress = 0,
        ShippingAddress = 1,
        Payment = 2,
        Shipping = 3,
    }

    public partial class CustomValue
    {
        public CustomValue(string name, string value, CustomValueDisplayLocation displayLocation = CustomValueDisplayLocation.Payment,
            bool displayToCustomer = true, DateTime? createdOnUtc = null) { }
    }

    public partial class CustomValues : List<CustomValue>
    {
        public virtual string this[string name]
        {
            get => "";
            set { }
        }

        public virtual bool TryGetValue(string name, out CustomValue customValue)
        {
            customValue = null!;
            return false;
        }
    }
}

namespace Nop.Services.Localization
{
    public partial interface ILocalizationService
    {
        Task<string> GetLocalizedEnumAsync<TEnum>(TEnum enumValue, int? languageId = null) where TEnum : struct;
    }
}

namespace Nop.Services.Catalog
{
    public partial interface IPriceCalculationService
    {
        Task<(decimal priceWithoutDiscounts, decimal finalPrice, decimal appliedDiscountAmount, List<Discount> appliedDiscounts)> GetFinalPriceAsync(
            Product product, Customer customer, Store store, decimal additionalCharge = 0, bool includeDiscounts = true, int quantity = 1);
    }
}

namespace Nop.Services.Html
{
    public partial class ResolveLinksHelper
    {
        protected const string LINK = "<a href=\"{0}{1}\" rel=\"nofollow\">{2}</a>";
        protected const int MAX_LENGTH = 50;
        protected static readonly Regex _regex = new("x");

        protected static string ShortenUrl(string url, int max) => url;

        public static string FormatText(string text) => text;
    }
}
