using System.Reflection;

namespace NopSurfaceTool.Verification;

/// <summary>
/// Constructs the custom attributes of a member, as MVC, the DI container and nopCommerce do when they read them;
/// an attribute constructor with a stand-in signature fails only here.
/// </summary>
internal sealed class AttributeInstantiator(VerificationReport report)
{
    public void Instantiate(ICustomAttributeProvider target, string location, string what)
    {
        try
        {
            report.AttributeCount += target.GetCustomAttributes(inherit: true).Length;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            report.Fail(location, $"attribute on {what}: {FailureText.Of(e)}");
        }
    }

    public void InstantiateOnSignature(MethodBase method, string location)
    {
        ParameterInfo[] parameters;
        try
        {
            parameters = method.GetParameters();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            report.Fail(location, "parameters: " + FailureText.Of(e));
            return;
        }

        foreach (var parameter in parameters)
            Instantiate(parameter, location, $"parameter {parameter.Name}");
        if (method is MethodInfo { ReturnParameter: { } returned })
            Instantiate(returned, location, "return value");
    }
}
