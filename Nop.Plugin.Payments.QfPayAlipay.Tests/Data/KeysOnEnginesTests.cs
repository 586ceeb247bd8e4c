using Nop.Plugin.Payments.QfPayAlipay.Data;
using Nop.Plugin.Payments.QfPayAlipay.Domain;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Fields;
using Nop.Plugin.Payments.QfPayAlipay.Tests.Proof;
using Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport.Databases;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Data;

/// <summary>
/// Issue #14: out_trade_no, syssn and claim keys through the plugin's own stores on each engine. The engines compare
/// differently (PostgreSQL's citext ignores case but not trailing spaces; MariaDB's default collation ignores both;
/// SQLite stands in with NOCASE), so the plugin must not depend on either: keys that differ only in case are one key
/// everywhere; the stores trim what they look up; the key builders trim what they build from; and out_trade_no values are
/// generated without any whitespace. A value handed to a store with a trailing space is where the engines part ways, and
/// that is pinned below so a change on either side shows.
/// </summary>
[TestFixture]
[NonParallelizable]
public class KeysOnEnginesTests
{
    private const string Syssn = "20250318155400020012345678";
    private const string RefundSyssn = "20250318160000020087654321";

    private static readonly EngineKind[] Engines = TestEngines.All;

    [TestCaseSource(nameof(Engines))]
    public async Task Keys_that_differ_only_in_case_cannot_both_be_inserted_on_any_engine(EngineKind kind)
    {
        await using var database = await EngineDatabase.CreateAsync(await TestEngines.RequireAsync(kind), "keyscase");
        var stores = new Stores(database.NewNode());

        var results = new Dictionary<string, (UniqueInsert First, UniqueInsert Second)>
        {
            ["attempt out_trade_no"] = (await stores.Attempts.InsertAsync(Attempt("10025-1-ABCDEF")), await stores.Attempts.InsertAsync(Attempt("10025-1-abcdef"))),
            ["refund out_trade_no"] = (await stores.Refunds.InsertAsync(Refund("10025-R1-ABCDEF", 1)), await stores.Refunds.InsertAsync(Refund("10025-r1-abcdef", 2))),
            ["settlement claim key"] = (await stores.Claims.TryInsertAsync(Claim(SettlementClaimKeys.Mismatch("ABC" + Syssn))),
                await stores.Claims.TryInsertAsync(Claim(SettlementClaimKeys.Mismatch("abc" + Syssn)))),
            ["work claim key"] = (await stores.WorkClaims.TryInsertAsync(WorkClaim(WorkClaimKeys.ExternalRefund("R" + RefundSyssn))),
                await stores.WorkClaims.TryInsertAsync(WorkClaim(WorkClaimKeys.ExternalRefund("r" + RefundSyssn)))),
        };

        ProofLog.WriteLine($"[Keys:{database.Label}] differing only in case: " +
            string.Join(", ", results.Select(static r => $"{r.Key} {r.Value.First}/{r.Value.Second}")));
        await Assert.MultipleAsync(async () =>
        {
            foreach (var (key, (first, second)) in results)
                Assert.That((first, second), Is.EqualTo((UniqueInsert.Inserted, UniqueInsert.Duplicate)), key);
            Assert.That(database.UniqueViolations, Is.EqualTo(results.Count), "each second insert was refused by the engine's unique index");
            Assert.That(await database.ReadAllAsync<QfPayPaymentAttempt>(), Has.Count.EqualTo(1));
            Assert.That(await database.ReadAllAsync<QfPayRefund>(), Has.Count.EqualTo(1));
            Assert.That(await database.ReadAllAsync<QfPaySettlementClaim>(), Has.Count.EqualTo(1));
            Assert.That(await database.ReadAllAsync<QfPayWorkClaim>(), Has.Count.EqualTo(1));
        });
    }

    [TestCaseSource(nameof(Engines))]
    public async Task Lookups_find_the_one_record_whatever_the_case_and_surrounding_spaces_of_what_is_looked_up(EngineKind kind)
    {
        await using var database = await EngineDatabase.CreateAsync(await TestEngines.RequireAsync(kind), "keyslookup");
        var stores = new Stores(database.NewNode());
        var attempt = Attempt("10025-1-ABCDEF", syssn: "ABC" + Syssn);
        var other = Attempt("10026-1-GHIJKL", syssn: "DEF" + Syssn);
        var refund = Refund("10025-R1-ABCDEF", 1, refundSyssn: "R" + RefundSyssn);
        var claim = Claim(SettlementClaimKeys.Mismatch("ABC" + Syssn));
        var workClaim = WorkClaim(WorkClaimKeys.ExternalRefund("R" + RefundSyssn));
        await stores.Attempts.InsertAsync(attempt);
        await stores.Attempts.InsertAsync(other);
        await stores.Refunds.InsertAsync(refund);
        await stores.Claims.TryInsertAsync(claim);
        await stores.WorkClaims.TryInsertAsync(workClaim);

        await Assert.MultipleAsync(async () =>
        {
            foreach (var variant in new[] { "10025-1-abcdef", " 10025-1-ABCDEF", "10025-1-ABCDEF ", "\t10025-1-AbCdEf \n" })
                Assert.That((await stores.Attempts.FindByOutTradeNoAsync(variant))?.Id, Is.EqualTo(attempt.Id), $"attempt by out_trade_no '{variant}'");
            foreach (var variant in new[] { "abc" + Syssn, " ABC" + Syssn, "ABC" + Syssn + " " })
                Assert.That((await stores.Attempts.FindBySyssnAsync(variant))?.Id, Is.EqualTo(attempt.Id), $"attempt by syssn '{variant}'");
            foreach (var variant in new[] { "10025-r1-abcdef", "10025-R1-ABCDEF " })
                Assert.That((await stores.Refunds.FindByOutTradeNoAsync(variant))?.Id, Is.EqualTo(refund.Id), $"refund by out_trade_no '{variant}'");
            foreach (var variant in new[] { "r" + RefundSyssn, " R" + RefundSyssn + " " })
                Assert.That((await stores.Refunds.FindByRefundSyssnAsync(variant))?.Id, Is.EqualTo(refund.Id), $"refund by syssn '{variant}'");

            // Claim keys are looked up as the plugin builds them: from a syssn in any case, with any surrounding spaces.
            foreach (var variant in new[] { "abc" + Syssn, " ABC" + Syssn + " " })
                Assert.That((await stores.Claims.FindAsync(SettlementClaimKeys.Mismatch(variant)))?.Id, Is.EqualTo(claim.Id), $"claim for syssn '{variant}'");
            foreach (var variant in new[] { "r" + RefundSyssn, "R" + RefundSyssn + "  " })
                Assert.That((await stores.WorkClaims.FindAsync(WorkClaimKeys.ExternalRefund(variant)))?.Id, Is.EqualTo(workClaim.Id), $"work claim for '{variant}'");

            Assert.That(await stores.Attempts.FindByOutTradeNoAsync("10025-1-ABCDEG"), Is.Null, "one character apart is another number");
            Assert.That((await stores.Attempts.FindBySyssnAsync("def" + Syssn))?.Id, Is.EqualTo(other.Id));
        });
    }

    [TestCaseSource(nameof(Engines))]
    public async Task Claim_keys_built_from_a_syssn_with_other_case_or_surrounding_spaces_are_one_key_on_any_engine(EngineKind kind)
    {
        await using var database = await EngineDatabase.CreateAsync(await TestEngines.RequireAsync(kind), "keysbuilt");
        var stores = new Stores(database.NewNode());

        var payment = new[] { Syssn, " " + Syssn, Syssn + " ", Syssn.ToLowerInvariant() + "\t" };
        var paymentResults = new List<UniqueInsert>();
        foreach (var syssn in payment)
            paymentResults.Add(await stores.Claims.TryInsertAsync(Claim(SettlementClaimKeys.Mismatch(syssn))));
        var refundResults = new List<UniqueInsert>();
        foreach (var syssn in new[] { "R" + RefundSyssn, "r" + RefundSyssn + " ", " R" + RefundSyssn })
            refundResults.Add(await stores.WorkClaims.TryInsertAsync(WorkClaim(WorkClaimKeys.ExternalRefund(syssn))));

        Assert.Multiple(() =>
        {
            Assert.That(paymentResults, Is.EqualTo(new[] { UniqueInsert.Inserted, UniqueInsert.Duplicate, UniqueInsert.Duplicate, UniqueInsert.Duplicate }));
            Assert.That(refundResults, Is.EqualTo(new[] { UniqueInsert.Inserted, UniqueInsert.Duplicate, UniqueInsert.Duplicate }));
        });
    }

    /// <summary>
    /// The one place the engines differ: a value the store is given with a trailing space. MariaDB's PAD SPACE collation
    /// (and SQL Server's comparison) make it the same key; PostgreSQL's citext and SQLite keep it apart, so it would be a
    /// second row. The plugin never hands a store such a value: out_trade_no is generated from [A-Za-z0-9_-] only, and claim
    /// keys trim the syssn they are built from (the test above). If a store starts trimming on insert, PostgreSQL and SQLite
    /// answer Duplicate too and this expectation changes with it.
    /// </summary>
    [TestCaseSource(nameof(Engines))]
    public async Task A_trailing_space_handed_to_a_store_unchanged_is_a_second_row_on_PostgreSQL_and_SQLite_and_a_duplicate_on_MariaDB(EngineKind kind)
    {
        await using var database = await EngineDatabase.CreateAsync(await TestEngines.RequireAsync(kind), "keysspace");
        var stores = new Stores(database.NewNode());
        var expected = kind == EngineKind.MariaDb ? UniqueInsert.Duplicate : UniqueInsert.Inserted;

        var first = await stores.Attempts.InsertAsync(Attempt("10025-1-ABCDEF"));
        var spaced = await stores.Attempts.InsertAsync(Attempt("10025-1-ABCDEF "));
        var claim = await stores.Claims.TryInsertAsync(Claim("payment:" + Syssn + "#1"));
        var spacedClaim = await stores.Claims.TryInsertAsync(Claim("payment:" + Syssn + "#1 "));
        var generated = Enumerable.Range(0, 200).Select(static i => OutTradeNumber.ForPayment($" order {i} ", 1 + i % 3)).ToList();

        ProofLog.WriteLine($"[Keys:{database.Label}] a trailing space handed to a store as is: out_trade_no {spaced}, claim key {spacedClaim}");
        Assert.Multiple(() =>
        {
            Assert.That((first, claim), Is.EqualTo((UniqueInsert.Inserted, UniqueInsert.Inserted)));
            Assert.That(spaced, Is.EqualTo(expected), "out_trade_no with a trailing space");
            Assert.That(spacedClaim, Is.EqualTo(expected), "claim key with a trailing space");
            Assert.That(generated, Is.All.Matches<string>(OutTradeNumber.IsValid).And.All.Matches<string>(static n => !n.Any(char.IsWhiteSpace)),
                "the plugin never generates an out_trade_no with whitespace");
        });
    }

    private static QfPayPaymentAttempt Attempt(string outTradeNo, string? syssn = null) => EngineRows.Attempt(outTradeNo, syssn);

    private static QfPayRefund Refund(string outTradeNo, int sequence, string? refundSyssn = null) => new()
    {
        OrderId = 10025,
        StoreId = 1,
        PaymentAttemptId = 1,
        PaymentSyssn = Syssn,
        Sequence = sequence,
        OutTradeNo = outTradeNo,
        AmountMinor = 2800,
        CurrencyCode = "HKD",
        AmountPrimary = 28m,
        IsPartial = true,
        Status = RefundStatus.Pending,
        RefundSyssn = refundSyssn,
        CreatedOnUtc = new DateTime(2026, 3, 18, 7, 0, 0, DateTimeKind.Utc),
        UpdatedOnUtc = new DateTime(2026, 3, 18, 7, 0, 0, DateTimeKind.Utc),
    };

    private static QfPaySettlementClaim Claim(string key) => new()
    {
        ClaimKey = key,
        OrderId = 10025,
        AttemptId = 1,
        Syssn = Syssn,
        ClaimedOnUtc = new DateTime(2026, 3, 18, 6, 5, 0, DateTimeKind.Utc),
    };

    private static QfPayWorkClaim WorkClaim(string key) => new()
    {
        ClaimKey = key,
        Kind = WorkClaimKind.NoteExternalRefund,
        SubjectId = 1,
        Sequence = 1,
        ClaimedOnUtc = new DateTime(2026, 3, 18, 7, 5, 0, DateTimeKind.Utc),
    };

    /// <summary>The plugin's stores on one node's repositories, as its NopStartup registers them.</summary>
    private sealed class Stores(NodeDataProvider node)
    {
        private readonly ConditionalUpdate _update = new(node, node.Database.Engine.Dialect);

        public RepositoryPaymentAttemptStore Attempts => new(new LinqToDbRepository<QfPayPaymentAttempt>(node), _update);

        public RepositoryRefundStore Refunds => new(new LinqToDbRepository<QfPayRefund>(node), _update);

        public RepositorySettlementClaimStore Claims => new(new LinqToDbRepository<QfPaySettlementClaim>(node), _update);

        public RepositoryWorkClaimStore WorkClaims { get; } = new(new LinqToDbRepository<QfPayWorkClaim>(node));
    }
}
