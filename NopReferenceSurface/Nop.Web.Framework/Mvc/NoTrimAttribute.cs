using System;

namespace Nop.Web.Framework.Mvc;

/// <summary>Reference surface (complete): marks a model property whose value must not be trimmed on binding.</summary>
public partial class NoTrimAttribute : Attribute
{
}
