using System.Reflection;
using System.Runtime.CompilerServices;

namespace NopSurfaceTool.Verification;

/// <summary>
/// JIT-compiles methods. Open generic code cannot be compiled as such; it is instantiated with System.Object when
/// no constraint forbids that, and otherwise left to the IL scan.
/// </summary>
internal static class MethodPreparer
{
    public enum Outcome
    {
        Prepared,
        NotApplicable,
        SkippedGeneric,
    }

    public static Outcome Prepare(MethodBase method)
    {
        if (method.IsAbstract || (method.MethodImplementationFlags & MethodImplAttributes.Runtime) != 0 || method.GetMethodBody() is null)
            return Outcome.NotApplicable;

        var closed = Close(method);
        if (closed is null)
            return Outcome.SkippedGeneric;
        RuntimeHelpers.PrepareMethod(closed.MethodHandle);
        return Outcome.Prepared;
    }

    private static MethodBase? Close(MethodBase method)
    {
        var declaring = method.DeclaringType;
        if (declaring is { IsGenericTypeDefinition: true })
        {
            if (!AllTrivial(declaring.GetGenericArguments()))
                return null;
            var constructed = declaring.MakeGenericType(Objects(declaring.GetGenericArguments().Length));
            method = MethodBase.GetMethodFromHandle(method.MethodHandle, constructed.TypeHandle)!;
        }

        if (method is MethodInfo { IsGenericMethodDefinition: true } generic)
        {
            if (!AllTrivial(generic.GetGenericArguments()))
                return null;
            method = generic.MakeGenericMethod(Objects(generic.GetGenericArguments().Length));
        }
        return method;
    }

    /// <summary>System.Object satisfies no constraint but "class" and "new()".</summary>
    private static bool AllTrivial(IEnumerable<Type> parameters) =>
        parameters.All(p =>
            (p.GenericParameterAttributes & GenericParameterAttributes.NotNullableValueTypeConstraint) == 0
            && p.GetGenericParameterConstraints().Length == 0);

    private static Type[] Objects(int count) => Enumerable.Repeat(typeof(object), count).ToArray();
}
