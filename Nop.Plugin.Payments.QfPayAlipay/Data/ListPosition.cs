namespace Nop.Plugin.Payments.QfPayAlipay.Data;

/// <summary>Where a keyset page (oldest first) ends: the time (created or claimed) and id of its last row.</summary>
public sealed record ListPosition(DateTime CreatedOnUtc, int Id);
