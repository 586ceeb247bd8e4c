using System.Data.Common;
using Nop.Data;
using Nop.Plugin.Payments.QfPayAlipay.Domain;

namespace Nop.Plugin.Payments.QfPayAlipay.Data;

/// <summary>
/// <see cref="IPaymentAttemptStore"/> on nopCommerce's <see cref="IRepository{TEntity}"/> (no caching: attempts
/// change under concurrent requests, and a cached row would hide that).
/// </summary>
public class RepositoryPaymentAttemptStore : IPaymentAttemptStore
{
    private readonly IRepository<QfPayPaymentAttempt> _repository;

    public RepositoryPaymentAttemptStore(IRepository<QfPayPaymentAttempt> repository)
    {
        _repository = repository;
    }

    public virtual async Task<UniqueInsert> InsertAsync(QfPayPaymentAttempt attempt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            await _repository.InsertAsync(attempt, false);
            return UniqueInsert.Inserted;
        }
        catch (DbException)
        {
            // Each provider reports a unique violation with its own exception type and code (PLUGIN-API.md
            // Appendix C); asking whether the key exists now tells a duplicate from any other failure.
            return await UniqueKeyDecision.AfterFailedInsertAsync(() => FindByOutTradeNoAsync(attempt.OutTradeNo, cancellationToken));
        }
    }

    public virtual async Task<QfPayPaymentAttempt?> FindByOutTradeNoAsync(string outTradeNo, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (string.IsNullOrWhiteSpace(outTradeNo))
            return null;

        var key = outTradeNo.Trim();
        var rows = await _repository.GetAllAsync(query => query.Where(a => a.OutTradeNo == key).Take(1));
        return rows.FirstOrDefault();
    }

    public virtual async Task<QfPayPaymentAttempt?> FindBySyssnAsync(string syssn, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (string.IsNullOrWhiteSpace(syssn))
            return null;

        var key = syssn.Trim();
        var rows = await _repository.GetAllAsync(query => query.Where(a => a.Syssn == key).OrderBy(a => a.Id).Take(1));
        return rows.FirstOrDefault();
    }

    public virtual async Task<IReadOnlyList<QfPayPaymentAttempt>> ListByOrderAsync(int orderId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var rows = await _repository.GetAllAsync(query => query.Where(a => a.OrderId == orderId).OrderBy(a => a.Id));
        return rows.ToList();
    }

    public virtual async Task UpdateAsync(QfPayPaymentAttempt attempt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        cancellationToken.ThrowIfCancellationRequested();
        await _repository.UpdateAsync(attempt, false);
    }
}
