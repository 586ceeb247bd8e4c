namespace Nop.Services.Payments;

/// <summary>Reference surface (complete): recurring payment support of a payment method.</summary>
public enum RecurringPaymentType
{
    NotSupported = 0,
    Manual = 10,
    Automatic = 20
}
