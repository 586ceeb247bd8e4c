namespace Nop.Data.Mapping;

/// <summary>
/// Reference surface (subset): mapping metadata of an entity. Declared only because
/// <c>BaseNopValidator&lt;TModel&gt;</c> signatures name it; the implicit public constructor matches the real one.
/// </summary>
public partial class NopEntityDescriptor
{
}
