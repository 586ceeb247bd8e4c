using System.Runtime.CompilerServices;

// Shapes for format rules that nopCommerce itself does not exercise (see the FORMAT header of the real surface file).
namespace SurfaceShapes.Rules;

public enum Level
{
    Low = 1,
    High = 2,
}

[Flags]
public enum Options : long
{
    None = 0,
    A = 1,
    B = 4,
}

public interface IModern<in TIn, out TOut>
{
    TOut Map(TIn value);
    static abstract IModern<TIn, TOut> Create();
    static virtual int Version() => 1;
    static int Count() => 0;
    string Describe() => "default";
    event EventHandler Changed;
}

public abstract class Shape
{
    public abstract double Area();
    public virtual string Name() => "shape";
    protected internal virtual void Touch() { }
    private protected void Hidden() { }
    internal void AlsoHidden() { }
}

public class Square : Shape
{
    public sealed override double Area() => 1;
    public override string Name() => "square";
    public new string ToString() => "";
}

public abstract class Rewritten : Square
{
    public abstract override string Name();
}

public class Implicit : IDisposable, IComparable<Implicit>
{
    public void Dispose() { }
    int IComparable<Implicit>.CompareTo(Implicit? other) => 0;
    public event EventHandler<EventArgs>? Happened;
    protected static event Action? Quietly;
    public static Implicit operator +(Implicit left, Implicit right) => left;
    public static implicit operator string(Implicit value) => "";
}

public static class Defaults
{
    public const Level Preferred = Level.High;
    public const string Escapes = "tab\there \"quoted\" back\\slash \u00e9 \u0001 'single'";
    public const char Quote = '\'';
    public const double Ratio = 0.1;
    public const float Half = 0.5f;
    public const long Big = -9000000000;

    public static void Numbers(double d = 1.5, float f = 0.25f, decimal m = 12.50m, decimal zero = 0m, long l = -1, ulong u = ulong.MaxValue) { }
    public static void Texts(string s = "a\nb", char c = 'x', char tab = '\t', string? none = null) { }
    public static void Enums(Level level = Level.Low, Level? maybe = Level.High, Level odd = (Level)7, Options flags = Options.A | Options.B, Level? nothing = null) { }
    public static void Structs(CancellationToken token = default, DateTime when = default, int? count = 3, Guid? id = null) { }
    public static T Generic<T>(T value = default!) => value;
}

public static class RefKinds
{
    public static void All(ref int a, out int b, in int c, ref readonly int d, params int[] rest) => b = 0;
    public static void Spans(params ReadOnlySpan<string> items) { }
    public static ref int Find(int[] values) => ref values[0];
    public static ref readonly int Peek(int[] values) => ref values[0];
    public static void Extended(this string text, int count = 2) { }
    public static unsafe void Pointer(int* value) { }
}

public class Constraints<TStruct, TClass, TNew, TUnmanaged, TBase>
    where TStruct : struct, IComparable<TStruct>
    where TClass : class, IDisposable, ICloneable
    where TNew : new()
    where TUnmanaged : unmanaged
    where TBase : Shape, new()
{
    public void Method<TMethod, TOther>(TMethod value, TOther other) where TMethod : notnull, IEquatable<TMethod> where TOther : class? { }
}

public class Shapes
{
    public int[,] Grid = new int[1, 1];
    public int[][] Jagged = [];
    public (int Count, string Name) Pair;
    public dynamic Anything = 0;
    public List<(int, string?)>? Maybe;
    public static readonly int ReadOnlyStatic = 1;
    public static int MutableStatic;
    public readonly int ReadOnlyInstance;
    protected internal int Shared;
    private protected int NotShown;

    public string this[int index, string? key = null] { get => ""; protected set { } }
    public int GetOnly { get; }
    public int SetOnly { set { } }
    public int ProtectedGet { protected get; set; }
    public int InitOnly { get; init; }
    public static string StaticProperty { get; set; } = "";
    protected virtual string VirtualProtected { get; private set; } = "";
}

public sealed record Point(int X, int Y)
{
    public override string ToString() => $"{X},{Y}";
}

public abstract record Base(string Name);

public record Derived(string Name, int Size) : Base(Name);

public record struct Pair(int Left, int Right);

public readonly struct Money(decimal amount) : IEquatable<Money>
{
    public decimal Amount { get; } = amount;
    public bool Equals(Money other) => Amount == other.Amount;
    public override bool Equals(object? obj) => obj is Money other && Equals(other);
    public override int GetHashCode() => Amount.GetHashCode();
}

public delegate TResult Transformer<in T, out TResult>(T input, int attempts = 1) where T : class;

public class Outer<TKey> where TKey : notnull
{
    public class Inner<TValue>
    {
        public Dictionary<TKey, TValue> Map = new();
        public Outer<TKey>.Inner<TValue> Self() => this;
    }

    protected internal enum State
    {
        Open,
    }

    protected struct Cursor
    {
        public int Position;
    }

    private class Secret
    {
    }

    public Outer<int>.Inner<string>? Closed;

    public IEnumerable<int> Iterate()
    {
        yield return 1;
    }
}

public static class Extensions
{
    public static bool IsEmpty<T>(this ICollection<T> items) where T : struct => items.Count == 0;
}
