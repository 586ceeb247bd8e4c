using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace QfPaySimulator;

/// <summary>
/// The shoppers of the fake Alipay. Each simulated user (picked with the simulator's own <c>sim_user</c> parameter on
/// the authorisation page, <see cref="DefaultName"/> otherwise) has a user id in Alipay's shape, <c>2088</c> and 12
/// digits, the same on every run, so a test can predict it.
/// </summary>
public static class SimulatedAlipayUser
{
    public const string DefaultName = "shopper";

    public static string UserIdFor(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("qfpay-simulator/alipay-user/" + name));
        var digits = BinaryPrimitives.ReadUInt64BigEndian(hash) % 1_000_000_000_000UL;
        return "2088" + digits.ToString("D12", CultureInfo.InvariantCulture);
    }
}
