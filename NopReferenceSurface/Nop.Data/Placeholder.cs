namespace Nop.Data; internal static class Placeholder { }
