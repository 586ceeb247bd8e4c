namespace Nop.Web.Framework.Controllers;

/// <summary>Reference surface (complete): how <see cref="FormValueRequiredAttribute"/> matches button names.</summary>
public enum FormValueRequirement
{
    Equal = 0,
    StartsWith = 1
}
