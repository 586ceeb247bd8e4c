using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using FluentMigrator;
using FluentMigrator.Expressions;
using FluentMigrator.Runner;
using FluentMigrator.Runner.Conventions;
using Microsoft.Extensions.DependencyInjection;
using Nop.Data.Migrations;
using Nop.Plugin.Payments.QfPayAlipay.Data;
using Nop.Plugin.Payments.QfPayAlipay.Domain;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport.Databases;

/// <summary>
/// The plugin's tables created the way nopCommerce creates them when the plugin is installed: its installation
/// migrations (classes with <see cref="NopMigrationAttribute"/>, oldest timestamp first) run by FluentMigrator's runner
/// (nopCommerce's MigrationManager calls IMigrationRunner.Up per migration) with the engine's generator and nopCommerce's
/// conventions (NopConventionSet), and Create.TableFor answered by <see cref="NopTableMapping"/>. Uninstalling runs the
/// migrations' Down in reverse order, as nopCommerce's ApplyDownMigrations does.
/// </summary>
public static class PluginSchema
{
    /// <summary>Every table the plugin owns.</summary>
    public static readonly Type[] Entities =
        [typeof(QfPayPaymentAttempt), typeof(QfPaySettlementClaim), typeof(QfPayRefund), typeof(QfPayWorkClaim), typeof(QfPayIntegrationEvent)];

    /// <summary>The plugin's migrations in the order nopCommerce applies them (their timestamps).</summary>
    public static IReadOnlyList<Type> Migrations { get; } = typeof(PaymentSchemaMigration).Assembly.GetTypes()
        .Select(static t => (Type: t, Attribute: t.GetCustomAttributesData().SingleOrDefault(static a => a.AttributeType == typeof(NopMigrationAttribute))))
        .Where(static m => m.Attribute is not null && typeof(IMigration).IsAssignableFrom(m.Type))
        .OrderBy(static m => (string)m.Attribute!.ConstructorArguments[0].Value!, StringComparer.Ordinal)
        .Select(static m => m.Type)
        .ToList();

    /// <summary>
    /// What installing runs: nopCommerce's PluginService applies the Installation migrations and only marks the Update
    /// ones applied (the installation migrations already create the newest tables).
    /// </summary>
    public static IReadOnlyList<Type> InstallationMigrations { get; } = Migrations.Where(static m => !IsUpdate(m)).ToList();

    /// <summary>What updating a store from an older version runs (PluginService.UpdatePluginsAsync).</summary>
    public static IReadOnlyList<Type> UpdateMigrations { get; } = Migrations.Where(IsUpdate).ToList();

    public static void Install(TestEngine engine, string connectionString) => Run(engine, connectionString, InstallationMigrations, up: true);

    public static void Upgrade(TestEngine engine, string connectionString) => Run(engine, connectionString, UpdateMigrations, up: true);

    public static void Uninstall(TestEngine engine, string connectionString) => Run(engine, connectionString, Migrations.Reverse().ToList(), up: false);

    private static bool IsUpdate(Type migration) =>
        migration.GetCustomAttributesData().Single(static a => a.AttributeType == typeof(NopMigrationAttribute)).ConstructorArguments
            .Any(static argument => argument.ArgumentType == typeof(MigrationProcessType) && (int)argument.Value! == (int)MigrationProcessType.Update);

    private static void Run(TestEngine engine, string connectionString, IReadOnlyList<Type> migrations, bool up)
    {
        NopTableMapping.Install();
        var previous = NopTableMapping.CurrentEngine;
        NopTableMapping.CurrentEngine = engine.Kind;
        try
        {
            var services = new ServiceCollection()
                .AddFluentMigratorCore()
                .ConfigureRunner(runner =>
                {
                    engine.AddMigrationProcessor(runner);
                    runner.WithGlobalConnectionString(connectionString);
                });
            services.AddScoped<IConventionSet>(_ => Conventions(engine));
            using var provider = services.BuildServiceProvider();
            using var scope = provider.CreateScope();
            var runner = scope.ServiceProvider.GetRequiredService<IMigrationRunner>();
            foreach (var migration in migrations)
            {
                var instance = (IMigration)Activator.CreateInstance(migration)!;
                if (up)
                    runner.Up(instance);
                else
                    runner.Down(instance);
            }
        }
        finally
        {
            NopTableMapping.CurrentEngine = previous;
        }
    }

    /// <summary>
    /// nopCommerce's NopConventionSet: its column convention (citext on PostgreSQL; NOCASE stands in for it on SQLite), the
    /// default primary-key names (PK_&lt;table&gt;), index names for unnamed indexes as its data provider forms them, the
    /// rest FluentMigrator's defaults.
    /// </summary>
    private static IConventionSet Conventions(TestEngine engine)
    {
        var defaults = new DefaultConventionSet();
        var set = new ConventionSet
        {
            SchemaConvention = defaults.SchemaConvention,
            RootPathConvention = defaults.RootPathConvention,
        };
        foreach (var convention in defaults.ForeignKeyConventions)
            set.ForeignKeyConventions.Add(convention);
        set.IndexConventions.Add(new UnnamedIndexConvention(engine.Kind));
        set.IndexConventions.Add(defaults.SchemaConvention);
        if (engine.StringColumnsConvention is { } strings)
            set.ColumnsConventions.Add(strings);
        set.ColumnsConventions.Add(new DefaultPrimaryKeyNameConvention());
        foreach (var convention in defaults.ConstraintConventions)
            set.ConstraintConventions.Add(convention);
        foreach (var convention in defaults.SequenceConventions)
            set.SequenceConventions.Add(convention);
        foreach (var convention in defaults.AutoNameConventions)
            set.AutoNameConventions.Add(convention);
        return set;
    }

    /// <summary>
    /// nopCommerce's NopIndexConvention names an index the migration left unnamed: IX_&lt;table&gt;_&lt;columns&gt;, on MySQL
    /// "IX_" and a SHA-1 of that (identifiers are limited to 64 characters there). The plugin names all of its indexes.
    /// </summary>
    private sealed class UnnamedIndexConvention(EngineKind engine) : IIndexConvention
    {
        public IIndexExpression Apply(IIndexExpression expression)
        {
            if (!string.IsNullOrEmpty(expression.Index.Name))
                return expression;

            var target = $"{expression.Index.TableName}_{string.Join('_', expression.Index.Columns.Select(static c => c.Name))}";
            expression.Index.Name = engine == EngineKind.MariaDb
                ? "IX_" + Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(target)))
                : "IX_" + target;
            return expression;
        }
    }
}
