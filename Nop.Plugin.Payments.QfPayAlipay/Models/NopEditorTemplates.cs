namespace Nop.Plugin.Payments.QfPayAlipay.Models;

/// <summary>
/// Names of nopCommerce 4.90's admin editor templates (Areas/Admin/Views/Shared/EditorTemplates) that a model property
/// must ask for by name, because the lookup by type would pick another one.
/// </summary>
public static class NopEditorTemplates
{
    /// <summary>Int32Nullable.cshtml: a number box whose model is int?, so a blank value is not "required".</summary>
    public const string NullableInt32 = "Int32Nullable";
}
