namespace Nop.Services.Payments;

/// <summary>Reference surface (complete): how a payment method collects the payment.</summary>
public enum PaymentMethodType
{
    Standard = 10,
    Redirection = 15,
    Button = 20
}
