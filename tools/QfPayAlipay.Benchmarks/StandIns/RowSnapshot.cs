using System.Linq.Expressions;
using System.Reflection;

namespace QfPayAlipay.Benchmarks.StandIns;

/// <summary>
/// Rows as a database keeps them. Reads hand out copies (callers change what they read before writing it back, and a
/// shared instance would hide that); an UPDATE writes into the stored row, under the row's lock, so a reader never
/// sees half of it, and the table does not gain a new object per write (which the garbage collector would then copy
/// and the benchmark would time; a database keeps its rows out of the web node's memory).
/// </summary>
internal static class RowSnapshot
{
    private static readonly Func<object, object> Clone = typeof(object)
        .GetMethod(nameof(MemberwiseClone), BindingFlags.Instance | BindingFlags.NonPublic)!
        .CreateDelegate<Func<object, object>>();

    /// <summary>A copy of <paramref name="row"/> taken under its lock.</summary>
    public static T Of<T>(T row) where T : class
    {
        lock (row)
            return (T)Clone(row);
    }

    /// <summary>Writes every field of <paramref name="source"/> into <paramref name="row"/>, under the row's lock.</summary>
    public static void Overwrite<T>(T row, T source) where T : class
    {
        lock (row)
            FieldCopier<T>.Copy(row, source);
    }

    private static class FieldCopier<T>
    {
        public static readonly Action<T, T> Copy = Build();

        private static Action<T, T> Build()
        {
            var target = Expression.Parameter(typeof(T), "target");
            var source = Expression.Parameter(typeof(T), "source");
            var assignments = new List<Expression>();
            for (var type = typeof(T); type is not null && type != typeof(object); type = type.BaseType)
            {
                foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                {
                    if (!field.IsInitOnly)
                        assignments.Add(Expression.Assign(Expression.Field(target, field), Expression.Field(source, field)));
                }
            }

            return Expression.Lambda<Action<T, T>>(assignments.Count == 0 ? Expression.Empty() : Expression.Block(assignments), target, source).Compile();
        }
    }
}
