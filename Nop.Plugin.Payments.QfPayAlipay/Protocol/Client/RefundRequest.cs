using Nop.Plugin.Payments.QfPayAlipay.Protocol.Fields;

namespace Nop.Plugin.Payments.QfPayAlipay.Protocol.Client;

/// <summary>
/// <c>POST /trade/v1/refund</c> (API.md §8.1): full or partial, several per payment as long as the total
/// stays within the paid amount. Each refund gets its own new <c>out_trade_no</c>
/// (<see cref="OutTradeNumber.ForRefund"/>); serialise refunds per payment (§8.2).
/// </summary>
public sealed record RefundRequest
{
    /// <summary>The original payment's <c>syssn</c>.</summary>
    public required string OriginalSyssn { get; init; }

    /// <summary>This refund's own number, unique among all payments and refunds.</summary>
    public required string OutTradeNo { get; init; }

    /// <summary><c>txamt</c> to refund, in minor units; required for full and partial refunds alike.</summary>
    public required long AmountInMinorUnits { get; init; }

    internal FieldResult<RequestForm> BuildForm(QfPayAccount account, string txdtm)
    {
        if (string.IsNullOrWhiteSpace(OriginalSyssn))
            return FieldResult<RequestForm>.Invalid("A refund needs the original payment's syssn.");

        if (!OutTradeNumber.IsValid(OutTradeNo?.Trim()))
            return FieldResult<RequestForm>.Invalid($"The refund's out_trade_no must be 1 to {OutTradeNumber.MaxLength} characters of A-Z, a-z, 0-9, '_' or '-'.");

        if (AmountInMinorUnits is < 1 or > MinorUnits.MaxTxamt)
            return FieldResult<RequestForm>.Invalid($"The refund amount must be between 1 and {MinorUnits.MaxTxamt} minor units.");

        return FieldResult<RequestForm>.Valid(new RequestForm()
            .Add("syssn", OriginalSyssn)
            .Add("out_trade_no", OutTradeNo)
            .Add("txamt", MinorUnits.Format(AmountInMinorUnits))
            .Add("txdtm", txdtm)
            .Add("mchid", account.MerchantIdToSend));
    }
}
