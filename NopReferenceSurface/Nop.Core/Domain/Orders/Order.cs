using System;
using Nop.Core.Domain.Common;
using Nop.Core.Domain.Payments;
using Nop.Core.Domain.Shipping;
using Nop.Core.Domain.Tax;

namespace Nop.Core.Domain.Orders;

/// <summary>Reference surface (complete): an order. Plain data; the enum properties wrap the *Id columns.</summary>
public partial class Order : BaseEntity, ISoftDeletedEntity
{
    // identity and ownership
    public Guid OrderGuid { get; set; }
    public string CustomOrderNumber { get; set; }
    public int StoreId { get; set; }
    public int CustomerId { get; set; }
    public int BillingAddressId { get; set; }
    public int? ShippingAddressId { get; set; }
    public int? PickupAddressId { get; set; }
    public bool PickupInStore { get; set; }

    // status columns
    public int OrderStatusId { get; set; }
    public int ShippingStatusId { get; set; }
    public int PaymentStatusId { get; set; }

    // payment and shipping methods
    public string PaymentMethodSystemName { get; set; }
    public string ShippingMethod { get; set; }
    public string ShippingRateComputationMethodSystemName { get; set; }

    // customer context at the time of ordering
    public string CustomerCurrencyCode { get; set; }
    public decimal CurrencyRate { get; set; }
    public int CustomerTaxDisplayTypeId { get; set; }
    public string VatNumber { get; set; }
    public int CustomerLanguageId { get; set; }
    public int AffiliateId { get; set; }
    public string CustomerIp { get; set; }

    // amounts (primary store currency)
    public decimal OrderSubtotalInclTax { get; set; }
    public decimal OrderSubtotalExclTax { get; set; }
    public decimal OrderSubTotalDiscountInclTax { get; set; }
    public decimal OrderSubTotalDiscountExclTax { get; set; }
    public decimal OrderShippingInclTax { get; set; }
    public decimal OrderShippingExclTax { get; set; }
    public decimal PaymentMethodAdditionalFeeInclTax { get; set; }
    public decimal PaymentMethodAdditionalFeeExclTax { get; set; }
    public string TaxRates { get; set; }
    public decimal OrderTax { get; set; }
    public decimal OrderDiscount { get; set; }
    public decimal OrderTotal { get; set; }
    public decimal RefundedAmount { get; set; }
    public int? RewardPointsHistoryEntryId { get; set; }
    public virtual int? RedeemedRewardPointsEntryId { get; set; }

    // checkout attributes and custom values
    public string CheckoutAttributeDescription { get; set; }
    public string CheckoutAttributesXml { get; set; }
    public string CustomValuesXml { get; set; }

    // card data (only for methods that store it)
    public bool AllowStoringCreditCardNumber { get; set; }
    public string CardType { get; set; }
    public string CardName { get; set; }
    public string CardNumber { get; set; }
    public string MaskedCreditCardNumber { get; set; }
    public string CardCvv2 { get; set; }
    public string CardExpirationMonth { get; set; }
    public string CardExpirationYear { get; set; }

    // gateway transaction data
    public string AuthorizationTransactionId { get; set; }
    public string AuthorizationTransactionCode { get; set; }
    public string AuthorizationTransactionResult { get; set; }
    public string CaptureTransactionId { get; set; }
    public string CaptureTransactionResult { get; set; }
    public string SubscriptionTransactionId { get; set; }

    // dates and flags
    public DateTime? PaidDateUtc { get; set; }
    public DateTime CreatedOnUtc { get; set; }
    public bool Deleted { get; set; }

    // enum views over the *Id columns
    public OrderStatus OrderStatus
    {
        get => (OrderStatus)OrderStatusId;
        set => OrderStatusId = (int)value;
    }

    public PaymentStatus PaymentStatus
    {
        get => (PaymentStatus)PaymentStatusId;
        set => PaymentStatusId = (int)value;
    }

    public ShippingStatus ShippingStatus
    {
        get => (ShippingStatus)ShippingStatusId;
        set => ShippingStatusId = (int)value;
    }

    public TaxDisplayType CustomerTaxDisplayType
    {
        get => (TaxDisplayType)CustomerTaxDisplayTypeId;
        set => CustomerTaxDisplayTypeId = (int)value;
    }
}
