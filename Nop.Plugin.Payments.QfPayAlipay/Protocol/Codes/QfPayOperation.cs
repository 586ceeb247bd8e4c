namespace Nop.Plugin.Payments.QfPayAlipay.Protocol.Codes;

/// <summary>The call a <c>respcd</c> answers; an unknown code means different things for each (API.md §5.2).</summary>
public enum QfPayOperation
{
    CreatePayment,
    Query,
    CreateRefund,
}

public static class QfPayOperations
{
    /// <summary>Payment and refund creation move money; their unknown answers must be resolved by a query.</summary>
    public static bool IsCreation(this QfPayOperation operation) => operation is QfPayOperation.CreatePayment or QfPayOperation.CreateRefund;
}
