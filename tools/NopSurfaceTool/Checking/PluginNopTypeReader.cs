using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace NopSurfaceTool.Checking;

/// <summary>A nopCommerce type that a plugin type derives from or implements, named as in metadata ("IConsumer`1").</summary>
public sealed record NopTypeUse(string PluginType, string MetadataName, string AssemblyName, bool IsInterface);

/// <summary>
/// Reads base types and interface implementations straight from the plugin's metadata tables, so nothing needs to be
/// loaded or resolved: the nopCommerce assemblies the plugin was compiled against need not be at hand.
/// </summary>
public static class PluginNopTypeReader
{
    public static IReadOnlyList<NopTypeUse> Read(string pluginDll)
    {
        using var pe = new PEReader(File.OpenRead(pluginDll));
        var metadata = pe.GetMetadataReader();
        var pluginAssembly = metadata.GetString(metadata.GetAssemblyDefinition().Name);
        var uses = new List<NopTypeUse>();

        foreach (var handle in metadata.TypeDefinitions)
        {
            var definition = metadata.GetTypeDefinition(handle);
            var pluginType = DefinitionName(metadata, handle);
            if (!definition.BaseType.IsNil && Referenced(metadata, definition.BaseType) is var (name, assembly))
                uses.Add(new NopTypeUse(pluginType, name, assembly, IsInterface: false));
            foreach (var implementation in definition.GetInterfaceImplementations())
            {
                var @interface = metadata.GetInterfaceImplementation(implementation).Interface;
                if (Referenced(metadata, @interface) is var (interfaceName, interfaceAssembly))
                    uses.Add(new NopTypeUse(pluginType, interfaceName, interfaceAssembly, IsInterface: true));
            }
        }

        return uses
            .Where(u => u.AssemblyName.StartsWith("Nop.", StringComparison.Ordinal) && u.AssemblyName != pluginAssembly)
            .ToList();
    }

    /// <summary>The metadata name and assembly of a type defined elsewhere; a generic instantiation counts as its definition.</summary>
    private static (string Name, string Assembly)? Referenced(MetadataReader metadata, EntityHandle handle)
    {
        if (handle.Kind == HandleKind.TypeSpecification)
        {
            var blob = metadata.GetBlobReader(metadata.GetTypeSpecification((TypeSpecificationHandle)handle).Signature);
            if (blob.ReadSignatureTypeCode() != SignatureTypeCode.GenericTypeInstance)
                return null;
            blob.ReadSignatureTypeCode(); // class or value type
            handle = blob.ReadTypeHandle();
        }
        if (handle.Kind != HandleKind.TypeReference)
            return null;

        var reference = metadata.GetTypeReference((TypeReferenceHandle)handle);
        var name = metadata.GetString(reference.Name);
        var scope = reference.ResolutionScope;
        if (scope.Kind == HandleKind.TypeReference && Referenced(metadata, (TypeReferenceHandle)scope) is var (outer, outerAssembly))
            return ($"{outer}+{name}", outerAssembly);
        if (scope.Kind != HandleKind.AssemblyReference)
            return null;

        var assembly = metadata.GetString(metadata.GetAssemblyReference((AssemblyReferenceHandle)scope).Name);
        var @namespace = metadata.GetString(reference.Namespace);
        return (@namespace.Length == 0 ? name : $"{@namespace}.{name}", assembly);
    }

    private static string DefinitionName(MetadataReader metadata, TypeDefinitionHandle handle)
    {
        var definition = metadata.GetTypeDefinition(handle);
        var name = metadata.GetString(definition.Name);
        var outer = definition.GetDeclaringType();
        if (!outer.IsNil)
            return DefinitionName(metadata, outer) + "+" + name;
        var @namespace = metadata.GetString(definition.Namespace);
        return @namespace.Length == 0 ? name : $"{@namespace}.{name}";
    }
}
