using Nop.Core;
using Nop.Plugin.Payments.QfPayAlipay.Data;
using Nop.Plugin.Payments.QfPayAlipay.Domain;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;

/// <summary>
/// A claim table in memory, as both claim stores need it: the unique index on ClaimKey (case-insensitive, like the
/// databases nopCommerce runs on), so of any number of concurrent inserts of one key exactly one wins; identity ids;
/// snapshots on read and whole-row writes (<see cref="RowCopy"/>).
/// </summary>
internal sealed class InMemoryClaimTable<TClaim> where TClaim : BaseEntity, IClaimRow
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, TClaim> _rows = new(StringComparer.OrdinalIgnoreCase);
    private int _lastId;

    /// <summary>How many inserts lost to the unique index.</summary>
    public int DuplicateInserts { get; private set; }

    public IReadOnlyList<TClaim> All
    {
        get
        {
            lock (_gate)
                return _rows.Values.OrderBy(static c => c.Id).Select(RowCopy.Of).ToList();
        }
    }

    public UniqueInsert TryInsert(TClaim claim)
    {
        lock (_gate)
        {
            if (_rows.ContainsKey(claim.ClaimKey))
            {
                DuplicateInserts++;
                return UniqueInsert.Duplicate;
            }

            Add(claim);
            return UniqueInsert.Inserted;
        }
    }

    /// <summary>Puts a claim in without the index check, e.g. one left open by a web node that crashed.</summary>
    public TClaim Seed(TClaim claim)
    {
        lock (_gate)
            Add(claim);
        return claim;
    }

    public TClaim? Find(string claimKey)
    {
        lock (_gate)
            return _rows.TryGetValue(claimKey, out var claim) ? RowCopy.Of(claim) : null;
    }

    public void Update(TClaim claim)
    {
        lock (_gate)
            _rows[claim.ClaimKey] = RowCopy.Of(claim);
    }

    /// <summary>Changes row <paramref name="id"/> only if <paramref name="guard"/> holds for it, atomically, like a guarded UPDATE.</summary>
    public bool TryChange(int id, Func<TClaim, bool> guard, Action<TClaim> change)
    {
        lock (_gate)
        {
            var row = _rows.Values.FirstOrDefault(c => c.Id == id);
            if (row is null || !guard(row))
                return false;

            var changed = RowCopy.Of(row);
            change(changed);
            _rows[changed.ClaimKey] = changed;
            return true;
        }
    }

    /// <summary>A snapshot of the first row <paramref name="order"/> puts first among those <paramref name="filter"/> keeps.</summary>
    public TClaim? First(Func<TClaim, bool> filter, Func<IEnumerable<TClaim>, IEnumerable<TClaim>> order)
    {
        lock (_gate)
            return order(_rows.Values.Where(filter)).Select(RowCopy.Of).FirstOrDefault();
    }

    /// <returns>How many rows were removed.</returns>
    public int RemoveWhere(Func<TClaim, bool> filter)
    {
        lock (_gate)
        {
            var keys = _rows.Values.Where(filter).Select(static c => c.ClaimKey).ToList();
            foreach (var key in keys)
                _rows.Remove(key);
            return keys.Count;
        }
    }

    // Callers hold _gate.
    private void Add(TClaim claim)
    {
        claim.Id = ++_lastId;
        _rows[claim.ClaimKey] = RowCopy.Of(claim);
    }
}
