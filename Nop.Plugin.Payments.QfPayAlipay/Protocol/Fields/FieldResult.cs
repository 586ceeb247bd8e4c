using System.Diagnostics.CodeAnalysis;

namespace Nop.Plugin.Payments.QfPayAlipay.Protocol.Fields;

/// <summary>
/// A value that satisfies QFPay's field rules, or the reason it does not. Returned rather than thrown:
/// an unsupported currency or an over-long return URL comes from a store's configuration, and the caller
/// has to show the reason to an admin, not crash a checkout.
/// </summary>
public readonly record struct FieldResult<T>
{
    private FieldResult(T? value, string? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    /// <summary>What is wrong and what to change; never contains secrets.</summary>
    public string? Error { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsValid => Error is null;

    public static FieldResult<T> Valid(T value) => new(value, null);

    public static FieldResult<T> Invalid(string error) => new(default, error);

    /// <summary>For callers that treat a violation as a programming error.</summary>
    public T GetValueOrThrow() => IsValid ? Value : throw new ArgumentException(Error);

    public override string ToString() => IsValid ? $"Valid({Value})" : $"Invalid({Error})";
}
