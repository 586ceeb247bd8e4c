using System.Data;
using System.Data.Common;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport.Databases;

/// <summary>
/// How many connections are open at once, and the most there were: a pool has to hold that many physical connections,
/// and the server has to accept them (PostgreSQL refuses clients past max_connections, 100 by default).
/// </summary>
public sealed class ConnectionGauge
{
    private readonly ConnectionGauge? _parent;
    private int _open;
    private int _peak;

    public ConnectionGauge(ConnectionGauge? parent = null)
    {
        _parent = parent;
    }

    public int Open => Volatile.Read(ref _open);

    public int Peak => Volatile.Read(ref _peak);

    /// <summary>Starts a new measurement: the peak becomes what is open now.</summary>
    public void ResetPeak() => Volatile.Write(ref _peak, Open);

    public DbConnection Watch(DbConnection connection)
    {
        connection.StateChange += OnStateChange;
        return connection;
    }

    private void OnStateChange(object sender, StateChangeEventArgs change)
    {
        if (change.CurrentState == ConnectionState.Open && change.OriginalState != ConnectionState.Open)
            Opened();
        else if (change.OriginalState == ConnectionState.Open && change.CurrentState != ConnectionState.Open)
            Closed();
    }

    private void Opened()
    {
        var open = Interlocked.Increment(ref _open);
        int peak;
        while (open > (peak = Volatile.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, open, peak) != peak)
        {
        }

        _parent?.Opened();
    }

    private void Closed()
    {
        Interlocked.Decrement(ref _open);
        _parent?.Closed();
    }
}
