namespace Nop.Plugin.Payments.QfPayAlipay; internal static class Placeholder { }
