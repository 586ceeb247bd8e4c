namespace Nop.Services; internal static class Placeholder { }
