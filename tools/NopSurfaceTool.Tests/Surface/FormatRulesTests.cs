namespace NopSurfaceTool.Tests.Surface;

/// <summary>
/// Format rules from the header of nop-4.90.6-surface.txt that nopCommerce itself does not exercise, checked against
/// the SurfaceShapes.Rules fixture declarations.
/// </summary>
public class FormatRulesTests
{
    private const string Ns = "SurfaceShapes.Rules.";

    private static IReadOnlyList<string> Lines => SurfaceShapesOutput.Lines;

    [TestCase("T SurfaceShapes static-class SurfaceShapes.Rules.Defaults")]
    [TestCase("T SurfaceShapes abstract-class SurfaceShapes.Rules.Shape")]
    [TestCase("T SurfaceShapes sealed-record SurfaceShapes.Rules.Point")]
    [TestCase("T SurfaceShapes abstract-record SurfaceShapes.Rules.Base")]
    [TestCase("T SurfaceShapes record SurfaceShapes.Rules.Derived")]
    [TestCase("T SurfaceShapes struct SurfaceShapes.Rules.Pair")]
    [TestCase("T SurfaceShapes struct SurfaceShapes.Rules.Money")]
    [TestCase("T SurfaceShapes enum SurfaceShapes.Rules.Level")]
    [TestCase("T SurfaceShapes interface SurfaceShapes.Rules.IModern<TIn,TOut>")]
    [TestCase("T SurfaceShapes delegate SurfaceShapes.Rules.Transformer<T,TResult>")]
    [TestCase("T SurfaceShapes protected-enum SurfaceShapes.Rules.Outer<TKey>+State")]
    [TestCase("T SurfaceShapes protected-struct SurfaceShapes.Rules.Outer<TKey>+Cursor")]
    [TestCase("T SurfaceShapes class SurfaceShapes.Rules.Outer<TKey>+Inner<TValue>")]
    public void Type_kinds_follow_the_T_line_vocabulary(string line) =>
        Assert.That(Lines, Does.Contain(line));

    [Test]
    public void Private_nested_types_and_compiler_generated_types_are_not_listed()
    {
        Assert.That(Lines, Has.None.Contains("Outer<TKey>+Secret"));
        Assert.That(Lines, Has.None.Contains("<Iterate>"));
        Assert.That(Lines, Has.None.Contains("d__"));
    }

    [Test]
    public void Record_synthesized_members_are_skipped_and_user_declared_ones_kept()
    {
        var point = SurfaceShapesOutput.LinesOfType(Ns + "Point");

        Assert.That(point, Does.Contain("M SurfaceShapes.Rules.Point public override System.String ToString()"));
        Assert.That(point, Has.None.Contains("EqualityContract").And.None.Contains("PrintMembers")
            .And.None.Contains("op_Equality").And.None.Contains("Deconstruct").And.None.Contains(" Equals(")
            .And.None.Contains("GetHashCode").And.None.Contains(".ctor(SurfaceShapes.Rules.Point"));
        Assert.That(SurfaceShapesOutput.LinesOfType(Ns + "Pair"), Has.None.Contains("Equals").And.None.Contains("op_"));
    }

    [TestCase("M SurfaceShapes.Rules.IModern<TIn,TOut> public abstract TOut Map(TIn value)")]
    [TestCase("M SurfaceShapes.Rules.IModern<TIn,TOut> public static abstract SurfaceShapes.Rules.IModern<TIn,TOut> Create()")]
    [TestCase("M SurfaceShapes.Rules.IModern<TIn,TOut> public static virtual System.Int32 Version()")]
    [TestCase("M SurfaceShapes.Rules.IModern<TIn,TOut> public static System.Int32 Count()")]
    [TestCase("M SurfaceShapes.Rules.IModern<TIn,TOut> public virtual System.String Describe()")]
    [TestCase("E SurfaceShapes.Rules.IModern<TIn,TOut> public abstract System.EventHandler Changed")]
    public void Interface_members_are_abstract_virtual_or_static(string line) =>
        Assert.That(Lines, Does.Contain(line));

    [TestCase("M SurfaceShapes.Rules.Shape public abstract System.Double Area()")]
    [TestCase("M SurfaceShapes.Rules.Shape public virtual System.String Name()")]
    [TestCase("M SurfaceShapes.Rules.Shape protected virtual System.Void Touch()")]
    [TestCase("M SurfaceShapes.Rules.Square public override sealed System.Double Area()")]
    [TestCase("M SurfaceShapes.Rules.Square public override System.String Name()")]
    [TestCase("M SurfaceShapes.Rules.Square public - System.String ToString()")]
    [TestCase("M SurfaceShapes.Rules.Rewritten public abstract override System.String Name()")]
    [TestCase("M SurfaceShapes.Rules.Implicit public - System.Void Dispose()")]
    [TestCase("M SurfaceShapes.Rules.Money public override System.Boolean Equals(System.Object obj)")]
    [TestCase("M SurfaceShapes.Rules.Money public - System.Boolean Equals(SurfaceShapes.Rules.Money other)")]
    public void Modifiers_come_from_the_vtable_layout(string line) =>
        Assert.That(Lines, Does.Contain(line));

    [Test]
    public void Private_protected_internal_and_explicit_interface_members_are_not_listed()
    {
        Assert.That(Lines, Has.None.Contains("Hidden"));
        Assert.That(Lines, Has.None.Contains("NotShown"));
        Assert.That(Lines, Has.None.Contains("CompareTo"));
    }

    [TestCase("M SurfaceShapes.Rules.Implicit public static SurfaceShapes.Rules.Implicit op_Addition(SurfaceShapes.Rules.Implicit left, SurfaceShapes.Rules.Implicit right)")]
    [TestCase("M SurfaceShapes.Rules.Implicit public static System.String op_Implicit(SurfaceShapes.Rules.Implicit value)")]
    [TestCase("E SurfaceShapes.Rules.Implicit public - System.EventHandler<System.EventArgs> Happened")]
    [TestCase("E SurfaceShapes.Rules.Implicit protected static System.Action Quietly")]
    [TestCase("I SurfaceShapes.Rules.Implicit System.IComparable<SurfaceShapes.Rules.Implicit>")]
    public void Operators_and_events_are_listed_by_metadata_name(string line) =>
        Assert.That(Lines, Does.Contain(line));

    [TestCase("M SurfaceShapes.Rules.Defaults public static System.Void Numbers(System.Double d = 1.5, System.Single f = 0.25, System.Decimal m = 12.50, System.Decimal zero = 0, System.Int64 l = -1, System.UInt64 u = 18446744073709551615)")]
    [TestCase("M SurfaceShapes.Rules.Defaults public static System.Void Texts(System.String s = \"a\\nb\", System.Char c = 'x', System.Char tab = '\\t', System.String none = null)")]
    [TestCase("M SurfaceShapes.Rules.Defaults public static System.Void Enums(SurfaceShapes.Rules.Level level = SurfaceShapes.Rules.Level.Low, System.Nullable<SurfaceShapes.Rules.Level> maybe = SurfaceShapes.Rules.Level.High, SurfaceShapes.Rules.Level odd = 7, SurfaceShapes.Rules.Options flags = 5, System.Nullable<SurfaceShapes.Rules.Level> nothing = null)")]
    [TestCase("M SurfaceShapes.Rules.Defaults public static System.Void Structs(System.Threading.CancellationToken token = default, System.DateTime when = default, System.Nullable<System.Int32> count = 3, System.Nullable<System.Guid> id = null)")]
    [TestCase("M SurfaceShapes.Rules.Defaults public static T Generic<T>(T value = null)")]
    [TestCase("M SurfaceShapes.Rules.Transformer<T,TResult> public - TResult Invoke(T input, System.Int32 attempts = 1)")]
    [TestCase("P SurfaceShapes.Rules.Shapes public - System.String Item[System.Int32 index, System.String key = null] { get; protected set; }")]
    public void Parameter_defaults_are_invariant_literals_enum_members_null_or_default(string line) =>
        Assert.That(Lines, Does.Contain(line));

    [TestCase("F SurfaceShapes.Rules.Defaults public const SurfaceShapes.Rules.Level Preferred = SurfaceShapes.Rules.Level.High")]
    [TestCase("F SurfaceShapes.Rules.Defaults public const System.Char Quote = '\\''")]
    [TestCase("F SurfaceShapes.Rules.Defaults public const System.Double Ratio = 0.1")]
    [TestCase("F SurfaceShapes.Rules.Defaults public const System.Single Half = 0.5")]
    [TestCase("F SurfaceShapes.Rules.Defaults public const System.Int64 Big = -9000000000")]
    [TestCase("F SurfaceShapes.Rules.Defaults public const System.String Escapes = \"tab\\there \\\"quoted\\\" back\\\\slash \\u00E9 \\u0001 'single'\"")]
    [TestCase("F SurfaceShapes.Rules.Level public const SurfaceShapes.Rules.Level High = 2")]
    [TestCase("F SurfaceShapes.Rules.Options public const SurfaceShapes.Rules.Options B = 4")]
    [TestCase("F SurfaceShapes.Rules.Outer<TKey>+State public const SurfaceShapes.Rules.Outer<TKey>+State Open = 0")]
    public void Constants_show_their_values_and_enum_members_their_numbers(string line) =>
        Assert.That(Lines, Does.Contain(line));

    [Test]
    public void An_enum_lists_its_members_but_not_value__()
    {
        Assert.That(SurfaceShapesOutput.LinesOfType(Ns + "Level"), Is.EqualTo(new[]
        {
            "F SurfaceShapes.Rules.Level public const SurfaceShapes.Rules.Level High = 2",
            "F SurfaceShapes.Rules.Level public const SurfaceShapes.Rules.Level Low = 1",
            "T SurfaceShapes enum SurfaceShapes.Rules.Level",
        }));
    }

    [TestCase("M SurfaceShapes.Rules.RefKinds public static System.Void All(ref System.Int32 a, out System.Int32 b, in System.Int32 c, ref readonly System.Int32 d, params System.Int32[] rest)")]
    [TestCase("M SurfaceShapes.Rules.RefKinds public static System.Void Spans(params System.ReadOnlySpan<System.String> items)")]
    [TestCase("M SurfaceShapes.Rules.RefKinds public static ref System.Int32 Find(System.Int32[] values)")]
    [TestCase("M SurfaceShapes.Rules.RefKinds public static System.Void Extended(this System.String text, System.Int32 count = 2)")]
    [TestCase("M SurfaceShapes.Rules.RefKinds public static System.Void Pointer(System.Int32* value)")]
    public void Parameter_modifiers_are_this_params_ref_out_in_and_ref_readonly(string line) =>
        Assert.That(Lines, Does.Contain(line));

    [TestCase("G SurfaceShapes.Rules.Constraints<TStruct,TClass,TNew,TUnmanaged,TBase> TStruct : struct, System.IComparable<TStruct>")]
    [TestCase("G SurfaceShapes.Rules.Constraints<TStruct,TClass,TNew,TUnmanaged,TBase> TClass : class, System.ICloneable, System.IDisposable")]
    [TestCase("G SurfaceShapes.Rules.Constraints<TStruct,TClass,TNew,TUnmanaged,TBase> TNew : new()")]
    [TestCase("G SurfaceShapes.Rules.Constraints<TStruct,TClass,TNew,TUnmanaged,TBase> TUnmanaged : unmanaged")]
    [TestCase("G SurfaceShapes.Rules.Constraints<TStruct,TClass,TNew,TUnmanaged,TBase> TBase : SurfaceShapes.Rules.Shape, new()")]
    [TestCase("G SurfaceShapes.Rules.Constraints<TStruct,TClass,TNew,TUnmanaged,TBase> Method<TMethod,TOther>(TMethod value, TOther other) TMethod : System.IEquatable<TMethod>")]
    [TestCase("G SurfaceShapes.Rules.Constraints<TStruct,TClass,TNew,TUnmanaged,TBase> Method<TMethod,TOther>(TMethod value, TOther other) TOther : class")]
    [TestCase("G SurfaceShapes.Rules.Extensions IsEmpty<T>(this System.Collections.Generic.ICollection<T> items) T : struct")]
    [TestCase("G SurfaceShapes.Rules.IModern<TIn,TOut> in TIn")]
    [TestCase("G SurfaceShapes.Rules.Transformer<T,TResult> in T : class")]
    [TestCase("G SurfaceShapes.Rules.Transformer<T,TResult> out TResult")]
    public void Constraints_are_in_CSharp_order_with_type_constraints_sorted(string line) =>
        Assert.That(Lines, Does.Contain(line));

    [TestCase("F SurfaceShapes.Rules.Shapes public - System.Int32[,] Grid")]
    [TestCase("F SurfaceShapes.Rules.Shapes public - System.Int32[][] Jagged")]
    [TestCase("F SurfaceShapes.Rules.Shapes public - System.ValueTuple<System.Int32,System.String> Pair")]
    [TestCase("F SurfaceShapes.Rules.Shapes public - System.Object Anything")]
    [TestCase("F SurfaceShapes.Rules.Shapes public - System.Collections.Generic.List<System.ValueTuple<System.Int32,System.String>> Maybe")]
    [TestCase("F SurfaceShapes.Rules.Shapes public static readonly System.Int32 ReadOnlyStatic")]
    [TestCase("F SurfaceShapes.Rules.Shapes public static System.Int32 MutableStatic")]
    [TestCase("F SurfaceShapes.Rules.Shapes public readonly System.Int32 ReadOnlyInstance")]
    [TestCase("F SurfaceShapes.Rules.Shapes protected - System.Int32 Shared")]
    [TestCase("F SurfaceShapes.Rules.Outer<TKey> public - SurfaceShapes.Rules.Outer<System.Int32>+Inner<System.String> Closed")]
    [TestCase("F SurfaceShapes.Rules.Outer<TKey>+Inner<TValue> public - System.Collections.Generic.Dictionary<TKey,TValue> Map")]
    [TestCase("M SurfaceShapes.Rules.Outer<TKey>+Inner<TValue> public - SurfaceShapes.Rules.Outer<TKey>+Inner<TValue> Self()")]
    public void Type_names_are_CLR_names_with_arrays_tuples_and_constructed_nested_generics(string line) =>
        Assert.That(Lines, Does.Contain(line));

    [TestCase("P SurfaceShapes.Rules.Shapes public - System.Int32 GetOnly { get; }")]
    [TestCase("P SurfaceShapes.Rules.Shapes public - System.Int32 SetOnly { set; }")]
    [TestCase("P SurfaceShapes.Rules.Shapes public - System.Int32 ProtectedGet { protected get; set; }")]
    [TestCase("P SurfaceShapes.Rules.Shapes public - System.Int32 InitOnly { get; init; }")]
    [TestCase("P SurfaceShapes.Rules.Shapes public static System.String StaticProperty { get; set; }")]
    [TestCase("P SurfaceShapes.Rules.Shapes protected virtual System.String VirtualProtected { get; }")]
    [TestCase("P SurfaceShapes.Rules.Point public - System.Int32 X { get; init; }")]
    public void Properties_list_visible_accessors_with_access_prefixes_and_init(string line) =>
        Assert.That(Lines, Does.Contain(line));

    [TestCase("C SurfaceShapes.Rules.Shape protected .ctor()")]
    [TestCase("C SurfaceShapes.Rules.Base protected .ctor(System.String Name)")]
    [TestCase("C SurfaceShapes.Rules.Money public .ctor(System.Decimal amount)")]
    public void Constructors_include_implicit_ones_with_their_access(string line) =>
        Assert.That(Lines, Does.Contain(line));

    [Test]
    public void Static_classes_have_no_constructor_line()
    {
        Assert.That(SurfaceShapesOutput.LinesOfType(Ns + "Defaults"), Has.None.StartWith("C "));
    }

    [Test]
    public void Base_lines_are_omitted_for_object_value_type_enum_and_delegate_bases()
    {
        Assert.That(Lines, Has.None.Match(@"^B \S+ System\.(Object|ValueType|Enum|MulticastDelegate)$"));
        Assert.That(Lines, Does.Contain("B SurfaceShapes.Rules.Square SurfaceShapes.Rules.Shape"));
    }
}
