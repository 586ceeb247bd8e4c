using System.Reflection;
using System.Reflection.Emit;

namespace NopSurfaceTool.Verification;

/// <summary>All IL opcodes by their encoded value, taken from <see cref="OpCodes"/> so operand kinds are never hand-copied.</summary>
internal static class OpCodeTable
{
    private static readonly OpCode?[] OneByte = new OpCode?[256];
    private static readonly OpCode?[] TwoByte = new OpCode?[256];

    static OpCodeTable()
    {
        foreach (var field in typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            if (field.GetValue(null) is not OpCode code)
                continue;
            var value = (ushort)code.Value;
            if (code.Size == 1)
                OneByte[value] = code;
            else
                TwoByte[value & 0xFF] = code;
        }
    }

    public const byte TwoBytePrefix = 0xFE;

    public static OpCode? OneByteCode(byte value) => OneByte[value];

    public static OpCode? TwoByteCode(byte second) => TwoByte[second];

    /// <summary>Operand bytes that follow the opcode; a switch also has its target table after the count.</summary>
    public static int OperandSize(OperandType operand) => operand switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        _ => 4,
    };
}
