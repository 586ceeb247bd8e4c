using System.Text;

namespace NopSurfaceTool.Checking;

/// <summary>
/// Converts a surface type name ("Nop.Services.Events.IConsumer&lt;T&gt;", also constructed ones from B lines) into the
/// metadata name shape ("Nop.Services.Events.IConsumer`1"), the form in which a plugin's metadata refers to it.
/// </summary>
public static class MetadataTypeKey
{
    public static string FromSurfaceName(string surfaceName)
    {
        var key = new StringBuilder();
        var depth = 0;
        var arguments = 0;
        foreach (var c in surfaceName)
        {
            switch (c)
            {
                case '<':
                    if (depth++ == 0)
                        arguments = 1;
                    break;
                case '>':
                    if (--depth == 0)
                        key.Append('`').Append(arguments);
                    break;
                case ',' when depth == 1:
                    arguments++;
                    break;
                default:
                    if (depth == 0)
                        key.Append(c);
                    break;
            }
        }
        return key.ToString();
    }
}
