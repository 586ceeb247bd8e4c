using System.Data.Common;
using Nop.Plugin.Payments.QfPayAlipay.Data;
using Nop.Plugin.Payments.QfPayAlipay.Domain;
using Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport.Databases;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Data;

/// <summary>
/// Issue #14: the test data layer behaves as nopCommerce's does on each engine, where the plugin relies on it: an insert
/// is its own statement on its own pooled connection, committed at once and visible to every other node, and sets the
/// entity's Id; a unique violation reaches the store as the driver's own DbException; the plugin's guarded UPDATE
/// (<see cref="ConditionalUpdate"/>) runs in the engine's dialect through INopDataProvider and reports whether it
/// changed the row.
/// </summary>
[TestFixture]
[NonParallelizable]
public class DataLayerOnEnginesTests
{
    private static readonly EngineKind[] Engines = TestEngines.All;

    [TestCaseSource(nameof(Engines))]
    public async Task An_insert_sets_the_id_is_committed_at_once_for_every_node_and_gives_its_connection_back(EngineKind kind)
    {
        await using var database = await EngineDatabase.CreateAsync(await TestEngines.RequireAsync(kind), "insert");
        var writer = database.NewNode();
        var reader = database.NewNode();
        var first = Attempt("10025-1-AAAAAA");
        var second = Attempt("10025-2-BBBBBB");

        await new LinqToDbRepository<QfPayPaymentAttempt>(writer).InsertAsync(first, false);
        await new LinqToDbRepository<QfPayPaymentAttempt>(writer).InsertAsync(second, false);
        var seen = await new LinqToDbRepository<QfPayPaymentAttempt>(reader).GetByIdAsync(second.Id);

        // linq2db reads the new id with a second command on the same connection where the engine cannot return it
        // from the INSERT itself (PostgreSQL can: RETURNING).
        string[] insert = kind == EngineKind.PostgreSql ? ["attempt INSERT"] : ["attempt INSERT", "(no plugin table) SELECT"];
        // PostgreSQL keeps microseconds. On MariaDB nopCommerce's mapping declares the datetime(6) columns without a
        // DbType (a custom type), so linq2db sends the date as text with milliseconds; SQLite stores milliseconds too.
        var kept = kind == EngineKind.PostgreSql ? second.CreatedOnUtc : second.CreatedOnUtc.AddTicks(-(second.CreatedOnUtc.Ticks % TimeSpan.TicksPerMillisecond));

        Assert.Multiple(() =>
        {
            Assert.That(first.Id, Is.GreaterThan(0));
            Assert.That(second.Id, Is.GreaterThan(first.Id), "identity ids, in order");
            Assert.That(seen?.OutTradeNo, Is.EqualTo(second.OutTradeNo), "another node (another pool) reads it at once: no transaction was left open");
            Assert.That(seen?.CreatedOnUtc, Is.EqualTo(kept), "the date as the engine keeps it");
            Assert.That((writer.Connections.Open, writer.Connections.Peak), Is.EqualTo((0, 1)), "one connection per call, given back after it");
            Assert.That(database.Statements.Since(0), Is.EqualTo(insert.Concat(insert).Append("attempt SELECT").ToList()), "the statements of two inserts and a read");
        });
    }

    [TestCaseSource(nameof(Engines))]
    public async Task A_unique_violation_reaches_the_store_as_the_drivers_own_exception_and_is_counted(EngineKind kind)
    {
        var engine = await TestEngines.RequireAsync(kind);
        await using var database = await EngineDatabase.CreateAsync(engine, "unique");
        var repository = new LinqToDbRepository<QfPayPaymentAttempt>(database.NewNode());
        await repository.InsertAsync(Attempt("10025-1-AAAAAA"), false);

        var refused = Assert.CatchAsync<DbException>(() => repository.InsertAsync(Attempt("10025-1-AAAAAA"), false));

        Assert.Multiple(() =>
        {
            Assert.That(engine.IsUniqueViolation(refused!), Is.True, refused!.GetType().FullName);
            Assert.That(database.UniqueViolations, Is.EqualTo(1));
        });
    }

    [TestCaseSource(nameof(Engines))]
    public async Task A_guarded_update_through_the_data_provider_changes_the_row_only_while_the_guard_holds(EngineKind kind)
    {
        var engine = await TestEngines.RequireAsync(kind);
        await using var database = await EngineDatabase.CreateAsync(engine, "guarded");
        var node = database.NewNode();
        var attempt = Attempt("10025-1-AAAAAA");
        attempt.LastMessage = "waiting";
        await new LinqToDbRepository<QfPayPaymentAttempt>(node).InsertAsync(attempt, false);
        var updates = new ConditionalUpdate(node, engine.Dialect);
        int[] open = [(int)PaymentAttemptStatus.Created, (int)PaymentAttemptStatus.AwaitingPayment];
        var paidAt = new DateTime(2026, 3, 18, 6, 7, 8, DateTimeKind.Utc).AddTicks(1230);

        var toPaid = await updates.ApplyAsync(RowUpdate.Of<QfPayPaymentAttempt>(attempt.Id)
            .Set(nameof(QfPayPaymentAttempt.StatusId), (int)PaymentAttemptStatus.Paid)
            .Set(nameof(QfPayPaymentAttempt.LastMessage), null)
            .Set(nameof(QfPayPaymentAttempt.UpdatedOnUtc), paidAt)
            .WhereIn(nameof(QfPayPaymentAttempt.StatusId), open));
        var backToWaiting = await updates.ApplyAsync(RowUpdate.Of<QfPayPaymentAttempt>(attempt.Id)
            .Set(nameof(QfPayPaymentAttempt.StatusId), (int)PaymentAttemptStatus.AwaitingPayment)
            .WhereIn(nameof(QfPayPaymentAttempt.StatusId), open));
        // The same value again: MySQL counts changed rows unless the driver asks for matched rows (MySqlConnector does).
        var sameAgain = await updates.ApplyAsync(RowUpdate.Of<QfPayPaymentAttempt>(attempt.Id)
            .Set(nameof(QfPayPaymentAttempt.StatusId), (int)PaymentAttemptStatus.Paid)
            .WhereEquals(nameof(QfPayPaymentAttempt.StatusId), (int)PaymentAttemptStatus.Paid)
            .WhereEquals(nameof(QfPayPaymentAttempt.Syssn), null));
        var missing = await updates.ApplyAsync(RowUpdate.Of<QfPayPaymentAttempt>(attempt.Id + 1000)
            .Set(nameof(QfPayPaymentAttempt.StatusId), (int)PaymentAttemptStatus.Paid));
        var row = (await database.ReadAllAsync<QfPayPaymentAttempt>()).Single();

        Assert.Multiple(() =>
        {
            Assert.That(toPaid, Is.True, "the guard held: changed");
            Assert.That(backToWaiting, Is.False, "a status that moved on is not put back");
            Assert.That(sameAgain, Is.True, "a matched row counts as applied, also on MariaDB");
            Assert.That(missing, Is.False, "no such row");
            Assert.That(row.Status, Is.EqualTo(PaymentAttemptStatus.Paid));
            Assert.That(row.LastMessage, Is.Null);
            if (kind != EngineKind.Sqlite)
                Assert.That(row.UpdatedOnUtc, Is.EqualTo(paidAt.AddTicks(-(paidAt.Ticks % 10))), "a date parameter keeps its microseconds");
        });
    }

    /// <summary>
    /// nopCommerce creates bounded strings on MySQL/MariaDB as NVARCHAR, which is utf8mb3: a character outside the Basic
    /// Multilingual Plane (an emoji) is refused in strict mode. Chinese text (three bytes) is fine everywhere. Pinned so
    /// that texts the plugin stores (messages, health details) are known to need this care on MariaDB only.
    /// </summary>
    [TestCaseSource(nameof(Engines))]
    public async Task A_four_byte_character_in_a_bounded_string_column_is_refused_on_MariaDB_only(EngineKind kind)
    {
        await using var database = await EngineDatabase.CreateAsync(await TestEngines.RequireAsync(kind), "utf8");
        var repository = new LinqToDbRepository<QfPayPaymentAttempt>(database.NewNode());
        var chinese = Attempt("10025-1-AAAAAA");
        chinese.LastMessage = "支付成功";
        var emoji = Attempt("10025-2-BBBBBB");
        emoji.LastMessage = "paid \U0001F600";

        await repository.InsertAsync(chinese, false);
        var refused = await TryInsertAsync(repository, emoji);

        await Assert.MultipleAsync(async () =>
        {
            Assert.That((await repository.GetByIdAsync(chinese.Id))?.LastMessage, Is.EqualTo("支付成功"));
            Assert.That(refused, kind == EngineKind.MariaDb ? Is.Not.Null : Is.Null, refused?.Message);
        });
    }

    private static async Task<DbException?> TryInsertAsync(LinqToDbRepository<QfPayPaymentAttempt> repository, QfPayPaymentAttempt attempt)
    {
        try
        {
            await repository.InsertAsync(attempt, false);
            return null;
        }
        catch (DbException exception)
        {
            return exception;
        }
    }

    private static QfPayPaymentAttempt Attempt(string outTradeNo) => EngineRows.Attempt(outTradeNo, createdOnUtc: EngineRows.At.AddTicks(1234560));
}
