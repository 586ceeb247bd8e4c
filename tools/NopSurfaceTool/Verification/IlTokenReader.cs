using System.Buffers.Binary;
using System.Reflection.Emit;

namespace NopSurfaceTool.Verification;

/// <summary>A metadata token found in a method body, with the operand kind that says how to resolve it.</summary>
public readonly record struct IlToken(int Offset, OperandType Kind, int Token);

/// <summary>Walks IL instruction by instruction and yields the operands that are metadata tokens.</summary>
public static class IlTokenReader
{
    public static IEnumerable<IlToken> Read(byte[] il)
    {
        var position = 0;
        while (position < il.Length)
        {
            var offset = position;
            var code = il[position] == OpCodeTable.TwoBytePrefix && position + 1 < il.Length
                ? OpCodeTable.TwoByteCode(il[++position])
                : OpCodeTable.OneByteCode(il[position]);
            position++;
            if (code is not { } opCode)
                throw new InvalidDataException($"unknown IL opcode at offset {offset}");

            var operand = opCode.OperandType;
            if (operand == OperandType.InlineSwitch)
            {
                var targets = BinaryPrimitives.ReadInt32LittleEndian(il.AsSpan(position, 4));
                position += 4 + 4 * targets;
                continue;
            }

            if (IsToken(operand))
                yield return new IlToken(offset, operand, BinaryPrimitives.ReadInt32LittleEndian(il.AsSpan(position, 4)));
            position += OpCodeTable.OperandSize(operand);
        }
    }

    private static bool IsToken(OperandType operand) =>
        operand is OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineType
            or OperandType.InlineTok or OperandType.InlineSig;
}
