using Nop.Plugin.Payments.QfPayAlipay.Domain;

namespace Nop.Plugin.Payments.QfPayAlipay.Data;

/// <summary>Persistence of settlement claims; the database enforces one row per claim key (the exactly-once guarantee).</summary>
public interface ISettlementClaimStore
{
    /// <summary>Tries to take the claim; <see cref="UniqueInsert.Duplicate"/> means someone else holds (or held) it.</summary>
    Task<UniqueInsert> TryInsertAsync(QfPaySettlementClaim claim, CancellationToken cancellationToken = default);

    Task<QfPaySettlementClaim?> FindAsync(string claimKey, CancellationToken cancellationToken = default);

    Task UpdateAsync(QfPaySettlementClaim claim, CancellationToken cancellationToken = default);
}
