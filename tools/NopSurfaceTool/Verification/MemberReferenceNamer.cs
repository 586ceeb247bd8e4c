using System.Collections.Immutable;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace NopSurfaceTool.Verification;

/// <summary>
/// Names a member reference straight from the plugin's metadata ("Nop.Core.NopVersionProbe.CallCount"). The runtime
/// reports a missing field reached through Module.ResolveField only as an invalid token, which says nothing useful.
/// </summary>
internal sealed class MemberReferenceNamer : IDisposable
{
    private readonly PEReader? _peReader;
    private readonly MetadataReader? _metadata;

    public MemberReferenceNamer(string assemblyPath)
    {
        if (!File.Exists(assemblyPath))
            return;
        _peReader = new PEReader(File.OpenRead(assemblyPath));
        _metadata = _peReader.HasMetadata ? _peReader.GetMetadataReader() : null;
    }

    public string? Name(int token)
    {
        if (_metadata is null)
            return null;
        try
        {
            var handle = MetadataTokens.EntityHandle(token);
            return handle.Kind switch
            {
                HandleKind.MemberReference => NameOf((MemberReferenceHandle)handle),
                HandleKind.FieldDefinition => NameOf((FieldDefinitionHandle)handle),
                HandleKind.MethodDefinition => NameOf((MethodDefinitionHandle)handle),
                HandleKind.TypeReference or HandleKind.TypeDefinition or HandleKind.TypeSpecification => TypeName(handle),
                _ => null,
            };
        }
        catch (BadImageFormatException)
        {
            return null;
        }
    }

    private string NameOf(MemberReferenceHandle handle)
    {
        var reference = _metadata!.GetMemberReference(handle);
        return $"{TypeName(reference.Parent)}.{_metadata.GetString(reference.Name)}";
    }

    private string NameOf(FieldDefinitionHandle handle)
    {
        var field = _metadata!.GetFieldDefinition(handle);
        return $"{TypeName(field.GetDeclaringType())}.{_metadata.GetString(field.Name)}";
    }

    private string NameOf(MethodDefinitionHandle handle)
    {
        var method = _metadata!.GetMethodDefinition(handle);
        return $"{TypeName(method.GetDeclaringType())}.{_metadata.GetString(method.Name)}";
    }

    private string TypeName(EntityHandle handle)
    {
        var provider = new TypeNameProvider();
        return handle.Kind switch
        {
            HandleKind.TypeReference => provider.GetTypeFromReference(_metadata!, (TypeReferenceHandle)handle, 0),
            HandleKind.TypeDefinition => provider.GetTypeFromDefinition(_metadata!, (TypeDefinitionHandle)handle, 0),
            HandleKind.TypeSpecification => _metadata!.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(provider, null),
            HandleKind.MethodDefinition => NameOf((MethodDefinitionHandle)handle),
            _ => "?",
        };
    }

    public void Dispose() => _peReader?.Dispose();

    /// <summary>Just enough of a signature decoder to print the types a member reference hangs off.</summary>
    private sealed class TypeNameProvider : ISignatureTypeProvider<string, object?>
    {
        public string GetPrimitiveType(PrimitiveTypeCode typeCode) => "System." + typeCode switch
        {
            PrimitiveTypeCode.IntPtr => "IntPtr",
            PrimitiveTypeCode.UIntPtr => "UIntPtr",
            PrimitiveTypeCode.TypedReference => "TypedReference",
            _ => typeCode.ToString(),
        };

        public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind)
        {
            var definition = reader.GetTypeDefinition(handle);
            var name = reader.GetString(definition.Name);
            return definition.GetDeclaringType() is { IsNil: false } outer
                ? GetTypeFromDefinition(reader, outer, rawTypeKind) + "+" + name
                : Qualify(reader.GetString(definition.Namespace), name);
        }

        public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind)
        {
            var reference = reader.GetTypeReference(handle);
            var name = reader.GetString(reference.Name);
            return reference.ResolutionScope.Kind == HandleKind.TypeReference
                ? GetTypeFromReference(reader, (TypeReferenceHandle)reference.ResolutionScope, rawTypeKind) + "+" + name
                : Qualify(reader.GetString(reference.Namespace), name);
        }

        public string GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
            reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

        public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments) =>
            $"{genericType}<{string.Join(',', typeArguments)}>";

        public string GetArrayType(string elementType, ArrayShape shape) => $"{elementType}[{new string(',', shape.Rank - 1)}]";
        public string GetSZArrayType(string elementType) => elementType + "[]";
        public string GetByReferenceType(string elementType) => elementType + "&";
        public string GetPointerType(string elementType) => elementType + "*";
        public string GetPinnedType(string elementType) => elementType;
        public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType;
        public string GetGenericTypeParameter(object? genericContext, int index) => "!" + index;
        public string GetGenericMethodParameter(object? genericContext, int index) => "!!" + index;
        public string GetFunctionPointerType(MethodSignature<string> signature) => "method*";

        private static string Qualify(string @namespace, string name) => @namespace.Length == 0 ? name : $"{@namespace}.{name}";
    }
}
