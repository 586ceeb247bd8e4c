using System;
using FluentMigrator.Builders.Create;
using Nop.Core;

namespace Nop.Data.Extensions;

/// <summary>Reference surface (subset): FluentMigrator helpers.</summary>
public static partial class FluentMigratorExtensions
{
    /// <summary>Creates the table of an entity from its <c>NopEntityBuilder</c> mapping (the real one returns nothing).</summary>
    public static void TableFor<TEntity>(this ICreateExpressionRoot expressionRoot) where TEntity : BaseEntity =>
        throw new NotSupportedException("reference surface only");
}
