using System;
using FluentMigrator.Builders.Create;
using Nop.Core;

namespace Nop.Data.Extensions;

/// <summary>Reference surface (subset): FluentMigrator helpers.</summary>
public static partial class FluentMigratorExtensions
{
    /// <summary>Creates the table of an entity from its <c>NopEntityBuilder</c> mapping (the real one returns nothing).</summary>
    public static void TableFor<TEntity>(this ICreateExpressionRoot expressionRoot) where TEntity : BaseEntity
    {
        if (TableMapping is null)
            throw new NotSupportedException("reference surface only");

        TableMapping(expressionRoot, typeof(TEntity));
    }

    /// <summary>
    /// Not part of nopCommerce (internal, so absent from the surface): the tests' model of nopCommerce's TableFor, so the
    /// plugin's own migrations can create its tables on a test database. Null everywhere else.
    /// </summary>
    internal static Action<ICreateExpressionRoot, Type> TableMapping { get; set; }
}
