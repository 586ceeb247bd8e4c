using System.Reflection;

namespace NopSurfaceTool.Surface;

/// <summary>E lines; access and modifiers come from the add accessor.</summary>
public static class EventFacts
{
    public static IEnumerable<EventInfo> Listed(Type type) =>
        type.GetEvents(MemberFlags.Declared)
            .Where(e => e.AddMethod is { } add && AccessFormatter.Of(add) is not null && !ReflectionFacts.IsCompilerGenerated(e));

    public static string Describe(EventInfo @event, string typeName)
    {
        var add = @event.AddMethod!;
        return $"E {typeName} {AccessFormatter.Of(add)} {ModifierFormatter.Of(add)} {TypeNameFormatter.Format(@event.EventHandlerType!)} {@event.Name}";
    }
}
