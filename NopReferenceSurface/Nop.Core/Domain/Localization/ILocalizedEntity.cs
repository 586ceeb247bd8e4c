namespace Nop.Core.Domain.Localization;

/// <summary>Reference surface (complete): marker for entities with localized properties.</summary>
public partial interface ILocalizedEntity
{
}
