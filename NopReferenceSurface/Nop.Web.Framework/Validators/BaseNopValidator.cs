using System;
using FluentValidation;
using Nop.Core;
using Nop.Data.Mapping;

namespace Nop.Web.Framework.Validators;

/// <summary>
/// Reference surface (complete): base of nopCommerce model validators (discovered automatically by the
/// real platform). Rules declared with the FluentValidation API in a derived constructor work here too;
/// only the database-driven helpers below are placeholders.
/// </summary>
public abstract partial class BaseNopValidator<TModel> : AbstractValidator<TModel> where TModel : class
{
    protected virtual void SetDatabaseValidationRules<TEntity>(params string[] filterStringPropertyNames)
        where TEntity : BaseEntity =>
        throw new NotSupportedException("reference surface only");

    protected virtual void SetStringPropertiesMaxLength(NopEntityDescriptor entityDescriptor,
        params string[] filterPropertyNames) =>
        throw new NotSupportedException("reference surface only");

    protected virtual void SetDecimalMaxValue(NopEntityDescriptor entityDescriptor) =>
        throw new NotSupportedException("reference surface only");
}
