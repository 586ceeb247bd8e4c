using System.Reflection;

namespace NopSurfaceTool.Verification;

/// <summary>Turns exceptions into one-line problem descriptions, unwrapping reflection's wrapper exceptions.</summary>
internal static class FailureText
{
    public static string Of(Exception exception)
    {
        while (exception is TargetInvocationException or TypeInitializationException && exception.InnerException is not null)
            exception = exception.InnerException!;
        return $"{exception.GetType().Name}: {exception.Message}";
    }
}
