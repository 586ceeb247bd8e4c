namespace Nop.Core.Domain.Vendors;

/// <summary>Reference surface (subset): a vendor; the plugin only asks whether the admin user is one.</summary>
public partial class Vendor : BaseEntity
{
}
