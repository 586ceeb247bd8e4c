using System.Data.Common;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;

/// <summary>What a database provider throws: every provider's exception derives from <see cref="DbException"/>.</summary>
public sealed class TestDatabaseException(string message) : DbException(message);
