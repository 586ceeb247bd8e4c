using Nop.Plugin.Payments.QfPayAlipay.Data;
using Nop.Plugin.Payments.QfPayAlipay.Domain;
using Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Proof;

/// <summary>The process of a simulated web node ended: every database call it still makes fails.</summary>
public sealed class NodeCrashedException(string node) : System.Data.Common.DbException($"web node {node} crashed");

/// <summary>
/// When a simulated web node dies: after a number of writes chosen by the test, between one write and the next, the
/// node's process is gone. Its claim holder is marked gone (as the real holder sees a dead process of its machine) and
/// every later call of the node fails.
/// </summary>
public sealed class CrashPlan(string name)
{
    private int _writesLeft = int.MaxValue;
    private volatile bool _crashed;

    public string Name { get; } = name;

    public TestClaimHolder? Holder { get; set; }

    public bool HasCrashed => _crashed;

    /// <summary>The node dies just before its <paramref name="writes"/>-th next write.</summary>
    public void CrashBeforeWrite(int writes) => Volatile.Write(ref _writesLeft, writes);

    public void BeforeRead()
    {
        if (_crashed)
            throw new NodeCrashedException(Name);
    }

    public void BeforeWrite()
    {
        BeforeRead();
        if (Interlocked.Decrement(ref _writesLeft) > 0)
            return;

        _crashed = true;
        Holder?.Crash();
        throw new NodeCrashedException(Name);
    }
}

/// <summary>
/// Every status change a store reported as made (its guarded UPDATE hit the row), from every node. On a database the order
/// in which two nodes record their changes is not the order the engine applied them, so what is checked is order-free:
/// a status only moves to a higher rank, so the changes one row accepted must all be to different ranks, and the row's
/// status now must be of the highest of them.
/// </summary>
public sealed class StatusChanges
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<(int AttemptId, PaymentAttemptStatus Status)> _attempts = new();
    private readonly System.Collections.Concurrent.ConcurrentQueue<(int RefundId, RefundStatus Status)> _refunds = new();

    public IReadOnlyList<(int AttemptId, PaymentAttemptStatus Status)> Attempts => _attempts.ToArray();

    public IReadOnlyList<(int RefundId, RefundStatus Status)> Refunds => _refunds.ToArray();

    public void Attempt(int attemptId, PaymentAttemptStatus status) => _attempts.Enqueue((attemptId, status));

    public void Refund(int refundId, RefundStatus status) => _refunds.Enqueue((refundId, status));
}

/// <summary>The plugin's stores of one node, each call first asking the node's <see cref="CrashPlan"/> whether it still lives.</summary>
public static class CrashingStores
{
    public sealed class Attempts(IPaymentAttemptStore inner, CrashPlan plan, StatusChanges? changes = null) : IPaymentAttemptStore
    {
        public Task<UniqueInsert> InsertAsync(QfPayPaymentAttempt attempt, CancellationToken cancellationToken = default)
        {
            plan.BeforeWrite();
            return inner.InsertAsync(attempt, cancellationToken);
        }

        public Task<QfPayPaymentAttempt?> FindByOutTradeNoAsync(string outTradeNo, CancellationToken cancellationToken = default)
        {
            plan.BeforeRead();
            return inner.FindByOutTradeNoAsync(outTradeNo, cancellationToken);
        }

        public Task<QfPayPaymentAttempt?> FindBySyssnAsync(string syssn, CancellationToken cancellationToken = default)
        {
            plan.BeforeRead();
            return inner.FindBySyssnAsync(syssn, cancellationToken);
        }

        public Task<IReadOnlyList<QfPayPaymentAttempt>> ListByOrderAsync(int orderId, CancellationToken cancellationToken = default)
        {
            plan.BeforeRead();
            return inner.ListByOrderAsync(orderId, cancellationToken);
        }

        public async Task<bool> TryChangeAsync(int attemptId, AttemptChange change, CancellationToken cancellationToken = default)
        {
            plan.BeforeWrite();
            var changed = await inner.TryChangeAsync(attemptId, change, cancellationToken);
            if (changed)
                changes?.Attempt(attemptId, change.Status);
            return changed;
        }

        public Task RecordQueriedAsync(int attemptId, DateTime queriedOnUtc, CancellationToken cancellationToken = default)
        {
            plan.BeforeWrite();
            return inner.RecordQueriedAsync(attemptId, queriedOnUtc, cancellationToken);
        }
    }

    public sealed class Claims(ISettlementClaimStore inner, CrashPlan plan) : ISettlementClaimStore
    {
        public Task<UniqueInsert> TryInsertAsync(QfPaySettlementClaim claim, CancellationToken cancellationToken = default)
        {
            plan.BeforeWrite();
            return inner.TryInsertAsync(claim, cancellationToken);
        }

        public Task<QfPaySettlementClaim?> FindAsync(string claimKey, CancellationToken cancellationToken = default)
        {
            plan.BeforeRead();
            return inner.FindAsync(claimKey, cancellationToken);
        }

        public Task<bool> TryRenewAsync(int claimId, string holderToken, DateTime nowUtc, CancellationToken cancellationToken = default)
        {
            plan.BeforeWrite();
            return inner.TryRenewAsync(claimId, holderToken, nowUtc, cancellationToken);
        }

        public Task<bool> TryTakeOverAsync(int claimId, string? goneHolderToken, DateTime leaseStartedBeforeUtc, ClaimTakeover takeover,
            CancellationToken cancellationToken = default)
        {
            plan.BeforeWrite();
            return inner.TryTakeOverAsync(claimId, goneHolderToken, leaseStartedBeforeUtc, takeover, cancellationToken);
        }

        public Task<bool> TryReleaseAsync(int claimId, string holderToken, CancellationToken cancellationToken = default)
        {
            plan.BeforeWrite();
            return inner.TryReleaseAsync(claimId, holderToken, cancellationToken);
        }

        public Task<bool> TryCompleteAsync(int claimId, string holderToken, ClaimCompletion completion, CancellationToken cancellationToken = default)
        {
            plan.BeforeWrite();
            return inner.TryCompleteAsync(claimId, holderToken, completion, cancellationToken);
        }
    }

    public sealed class Refunds(IRefundStore inner, CrashPlan plan, StatusChanges? changes = null) : IRefundStore
    {
        public Task<UniqueInsert> InsertAsync(QfPayRefund refund, CancellationToken cancellationToken = default)
        {
            plan.BeforeWrite();
            return inner.InsertAsync(refund, cancellationToken);
        }

        public Task<QfPayRefund?> FindByOutTradeNoAsync(string outTradeNo, CancellationToken cancellationToken = default)
        {
            plan.BeforeRead();
            return inner.FindByOutTradeNoAsync(outTradeNo, cancellationToken);
        }

        public Task<QfPayRefund?> FindByRefundSyssnAsync(string refundSyssn, CancellationToken cancellationToken = default)
        {
            plan.BeforeRead();
            return inner.FindByRefundSyssnAsync(refundSyssn, cancellationToken);
        }

        public Task<IReadOnlyList<QfPayRefund>> ListByPaymentAsync(int paymentAttemptId, CancellationToken cancellationToken = default)
        {
            plan.BeforeRead();
            return inner.ListByPaymentAsync(paymentAttemptId, cancellationToken);
        }

        public Task<IReadOnlyList<QfPayRefund>> ListByOrderAsync(int orderId, CancellationToken cancellationToken = default)
        {
            plan.BeforeRead();
            return inner.ListByOrderAsync(orderId, cancellationToken);
        }

        public Task<IReadOnlyList<QfPayRefund>> ListPendingAsync(DateTime createdBeforeUtc, ListPosition? after, int take, CancellationToken cancellationToken = default)
        {
            plan.BeforeRead();
            return inner.ListPendingAsync(createdBeforeUtc, after, take, cancellationToken);
        }

        public async Task<bool> TryChangeAsync(int refundId, RefundChange change, CancellationToken cancellationToken = default)
        {
            plan.BeforeWrite();
            var changed = await inner.TryChangeAsync(refundId, change, cancellationToken);
            if (changed)
                changes?.Refund(refundId, change.Status);
            return changed;
        }

        public Task<bool> RecordAnswerAsync(int refundId, RefundAnswer answer, CancellationToken cancellationToken = default)
        {
            plan.BeforeWrite();
            return inner.RecordAnswerAsync(refundId, answer, cancellationToken);
        }
    }

    public sealed class WorkClaims(IWorkClaimStore inner, CrashPlan plan) : IWorkClaimStore
    {
        public Task<UniqueInsert> TryInsertAsync(QfPayWorkClaim claim, CancellationToken cancellationToken = default)
        {
            plan.BeforeWrite();
            return inner.TryInsertAsync(claim, cancellationToken);
        }

        public Task<QfPayWorkClaim?> FindAsync(string claimKey, CancellationToken cancellationToken = default)
        {
            plan.BeforeRead();
            return inner.FindAsync(claimKey, cancellationToken);
        }

        public Task<QfPayWorkClaim?> LatestAsync(WorkClaimKind kind, int subjectId, CancellationToken cancellationToken = default)
        {
            plan.BeforeRead();
            return inner.LatestAsync(kind, subjectId, cancellationToken);
        }

        public Task<int> PruneQueriesAsync(DateTime claimedBeforeUtc, CancellationToken cancellationToken = default)
        {
            plan.BeforeWrite();
            return inner.PruneQueriesAsync(claimedBeforeUtc, cancellationToken);
        }
    }
}
