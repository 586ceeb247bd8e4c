using Microsoft.Extensions.DependencyInjection;
using Nop.Data;
using Nop.Plugin.Payments.QfPayAlipay.Data;
using Nop.Plugin.Payments.QfPayAlipay.Domain;
using Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport.Databases;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;

/// <summary>
/// The plugin's tables of a <see cref="Shop"/> as a proof reads and seeds them, wherever they live: in memory (the
/// shop's own stores) or in a test database (<see cref="Shop.Database"/>), where seeding goes through the plugin's
/// stores on a node of its own and reading bypasses the nodes' statement count.
/// </summary>
public abstract class ShopTables
{
    /// <summary>"in memory" or the engine and version, e.g. "PostgreSQL 15.18".</summary>
    public abstract string Label { get; }

    /// <summary>Inserts refused by a unique key (by the engine, or by the in-memory tables' model of it).</summary>
    public abstract int UniqueViolations { get; }

    /// <summary>Puts an attempt in as checkout leaves it; its Id is set.</summary>
    public abstract Task<QfPayPaymentAttempt> SeedAttemptAsync(QfPayPaymentAttempt attempt);

    /// <summary>Moves an attempt on as the plugin does (a guarded change); false when its status did not allow it.</summary>
    public abstract Task<bool> ChangeAttemptAsync(int attemptId, AttemptChange change);

    public abstract Task<IReadOnlyList<QfPayPaymentAttempt>> AttemptsAsync();

    public abstract Task<IReadOnlyList<QfPaySettlementClaim>> ClaimsAsync();

    public abstract Task<IReadOnlyList<QfPayRefund>> RefundsAsync();

    public abstract Task<IReadOnlyList<QfPayWorkClaim>> WorkClaimsAsync();

    public abstract Task<IReadOnlyList<QfPayIntegrationEvent>> HealthEventsAsync();

    /// <summary>The settlement-claim store a container of this shop uses, for a test that wraps it (e.g. to fail its writes).</summary>
    public abstract ISettlementClaimStore SettlementClaimStoreOf(IServiceProvider container);

    internal sealed class InMemory(Shop shop) : ShopTables
    {
        public override string Label => "in memory";

        public override int UniqueViolations => shop.Claims.DuplicateInserts + shop.WorkClaims.DuplicateInserts;

        public override Task<QfPayPaymentAttempt> SeedAttemptAsync(QfPayPaymentAttempt attempt) => Task.FromResult(shop.Attempts.Seed(attempt));

        public override Task<bool> ChangeAttemptAsync(int attemptId, AttemptChange change) => shop.Attempts.TryChangeAsync(attemptId, change);

        public override Task<IReadOnlyList<QfPayPaymentAttempt>> AttemptsAsync() => Task.FromResult(shop.Attempts.All);

        public override Task<IReadOnlyList<QfPaySettlementClaim>> ClaimsAsync() => Task.FromResult(shop.Claims.All);

        public override Task<IReadOnlyList<QfPayRefund>> RefundsAsync() => Task.FromResult(shop.Refunds.All);

        public override Task<IReadOnlyList<QfPayWorkClaim>> WorkClaimsAsync() => Task.FromResult(shop.WorkClaims.All);

        public override Task<IReadOnlyList<QfPayIntegrationEvent>> HealthEventsAsync() => Task.FromResult<IReadOnlyList<QfPayIntegrationEvent>>([]);

        public override ISettlementClaimStore SettlementClaimStoreOf(IServiceProvider container) => shop.Claims;
    }

    internal sealed class InDatabase(EngineDatabase database) : ShopTables
    {
        private readonly Lazy<NodeDataProvider> _seeder = new(() => database.NewNode("seed"));

        public override string Label => database.Label;

        public override int UniqueViolations => database.UniqueViolations;

        public override async Task<QfPayPaymentAttempt> SeedAttemptAsync(QfPayPaymentAttempt attempt)
        {
            var inserted = await AttemptStore().InsertAsync(attempt);
            return inserted == UniqueInsert.Inserted ? attempt : throw new InvalidOperationException($"Seeding attempt {attempt.OutTradeNo}: {inserted}.");
        }

        public override Task<bool> ChangeAttemptAsync(int attemptId, AttemptChange change) => AttemptStore().TryChangeAsync(attemptId, change);

        public override async Task<IReadOnlyList<QfPayPaymentAttempt>> AttemptsAsync() => await database.ReadAllAsync<QfPayPaymentAttempt>();

        public override async Task<IReadOnlyList<QfPaySettlementClaim>> ClaimsAsync() => await database.ReadAllAsync<QfPaySettlementClaim>();

        public override async Task<IReadOnlyList<QfPayRefund>> RefundsAsync() => await database.ReadAllAsync<QfPayRefund>();

        public override async Task<IReadOnlyList<QfPayWorkClaim>> WorkClaimsAsync() => await database.ReadAllAsync<QfPayWorkClaim>();

        public override async Task<IReadOnlyList<QfPayIntegrationEvent>> HealthEventsAsync() => await database.ReadAllAsync<QfPayIntegrationEvent>();

        public override ISettlementClaimStore SettlementClaimStoreOf(IServiceProvider container) =>
            new RepositorySettlementClaimStore(new LinqToDbRepository<QfPaySettlementClaim>(container.GetRequiredService<NodeDataProvider>()),
                new ConditionalUpdate(container.GetRequiredService<NodeDataProvider>(), database.Engine.Dialect));

        private RepositoryPaymentAttemptStore AttemptStore() =>
            new(Repository<QfPayPaymentAttempt>(), new ConditionalUpdate(_seeder.Value, database.Engine.Dialect));

        private IRepository<T> Repository<T>() where T : Nop.Core.BaseEntity => new LinqToDbRepository<T>(_seeder.Value);
    }
}
