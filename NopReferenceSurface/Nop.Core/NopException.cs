using System;

namespace Nop.Core;

/// <summary>Reference surface: the exception type nopCommerce raises for its own failures.</summary>
public partial class NopException : Exception
{
    public NopException()
    {
    }

    public NopException(string message)
        : base(message)
    {
    }

    public NopException(string messageFormat, params object[] args)
        : base(string.Format(messageFormat, args))
    {
    }

    public NopException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
