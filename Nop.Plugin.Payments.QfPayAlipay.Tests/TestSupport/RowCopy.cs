using System.Reflection;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;

/// <summary>
/// Copies an entity the way a database does: what a caller reads is a snapshot, and changing it changes nothing stored
/// until it is written back. Without this, an in-memory store would hide lost updates.
/// </summary>
internal static class RowCopy
{
    private static readonly MethodInfo Clone = typeof(object).GetMethod("MemberwiseClone", BindingFlags.Instance | BindingFlags.NonPublic)!;

    public static T Of<T>(T row) where T : class => (T)Clone.Invoke(row, null)!;
}
