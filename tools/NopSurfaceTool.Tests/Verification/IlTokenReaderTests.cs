using System.Reflection.Emit;
using NopSurfaceTool.Verification;

namespace NopSurfaceTool.Tests.Verification;

public class IlTokenReaderTests
{
    [Test]
    public void Tokens_are_read_with_their_operand_kind_and_other_operands_are_skipped()
    {
        byte[] il =
        [
            0x20, 0x01, 0x00, 0x00, 0x00, // ldc.i4 1
            0x28, 0x10, 0x00, 0x00, 0x0A, // call 0x0A000010
            0xFE, 0x15, 0x02, 0x00, 0x00, 0x02, // initobj 0x02000002
            0x7B, 0x03, 0x00, 0x00, 0x04, // ldfld 0x04000003
            0x2A, // ret
        ];

        var tokens = IlTokenReader.Read(il).ToList();

        Assert.That(tokens, Is.EqualTo(new[]
        {
            new IlToken(5, OperandType.InlineMethod, 0x0A000010),
            new IlToken(10, OperandType.InlineType, 0x02000002),
            new IlToken(16, OperandType.InlineField, 0x04000003),
        }));
    }

    [Test]
    public void A_switch_table_is_skipped_as_a_whole()
    {
        byte[] il =
        [
            0x45, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x28, 0x00, 0x00, 0x0A, // switch (2 targets; the second looks like a call)
            0x73, 0x01, 0x00, 0x00, 0x0A, // newobj 0x0A000001
        ];

        Assert.That(IlTokenReader.Read(il).Select(t => t.Token), Is.EqualTo(new[] { 0x0A000001 }));
    }

    [Test]
    public void An_unknown_opcode_is_reported_rather_than_misread()
    {
        Assert.That(() => IlTokenReader.Read([0xFE, 0xFF]).ToList(), Throws.TypeOf<InvalidDataException>());
    }
}
