namespace Nop.Core; internal static class Placeholder { }
