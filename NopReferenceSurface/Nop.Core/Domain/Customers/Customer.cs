using System;
using Nop.Core.Domain.Common;

namespace Nop.Core.Domain.Customers;

/// <summary>Reference surface (subset): a customer (registered or guest).</summary>
public partial class Customer : BaseEntity, ISoftDeletedEntity
{
    public Customer()
    {
        // a new customer gets its own GUID, as in nopCommerce
        CustomerGuid = Guid.NewGuid();
    }

    public Guid CustomerGuid { get; set; }

    public string Email { get; set; }

    public bool Deleted { get; set; }

    public bool IsSystemAccount { get; set; }

    public string SystemName { get; set; }
}
