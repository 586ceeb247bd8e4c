using System;

namespace Nop.Core.Domain.Orders;

/// <summary>Reference surface (complete): a note attached to an order.</summary>
public partial class OrderNote : BaseEntity
{
    public int OrderId { get; set; }

    public string Note { get; set; }

    public int DownloadId { get; set; }

    public bool DisplayToCustomer { get; set; }

    public DateTime CreatedOnUtc { get; set; }
}
