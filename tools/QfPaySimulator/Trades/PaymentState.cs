namespace QfPaySimulator.Trades;

/// <summary>Where a payment stands; <see cref="Expired"/> is never stored, it follows from the clock.</summary>
internal enum PaymentState
{
    Unpaid,
    Paid,
    Expired,
    Cancelled,
}
