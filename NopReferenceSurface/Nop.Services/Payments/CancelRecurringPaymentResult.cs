namespace Nop.Services.Payments;

/// <summary>Reference surface (complete): result of CancelRecurringPaymentAsync (errors only).</summary>
public partial class CancelRecurringPaymentResult : BaseNopResult
{
}
