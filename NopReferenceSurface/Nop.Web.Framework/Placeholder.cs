namespace Nop.Web.Framework; internal static class Placeholder { }
