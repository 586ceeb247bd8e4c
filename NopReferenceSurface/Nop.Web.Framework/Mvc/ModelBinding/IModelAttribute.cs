namespace Nop.Web.Framework.Mvc.ModelBinding;

/// <summary>Reference surface (complete): a model metadata attribute with a name.</summary>
public partial interface IModelAttribute
{
    string Name { get; }
}
