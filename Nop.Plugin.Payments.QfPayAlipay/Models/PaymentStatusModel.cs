using System.Text.Json.Serialization;

namespace Nop.Plugin.Payments.QfPayAlipay.Models;

/// <summary>The status endpoint's answer: {"status":"pending|paid|failed|expired|problem|closed","next":url-or-null}.</summary>
/// <param name="Next">Where the page should go now (completed page, order details), or null to stay.</param>
public sealed record PaymentStatusModel(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("next")] string? Next);
