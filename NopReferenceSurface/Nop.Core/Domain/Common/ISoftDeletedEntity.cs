namespace Nop.Core.Domain.Common;

/// <summary>Reference surface (complete): entity that is flagged instead of physically deleted.</summary>
public partial interface ISoftDeletedEntity
{
    bool Deleted { get; set; }
}
