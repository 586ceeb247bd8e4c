namespace Nop.Core;

/// <summary>Reference surface: root of every persisted nopCommerce entity.</summary>
public abstract partial class BaseEntity
{
    public int Id { get; set; }
}
