using System.Collections.Generic;
using System.Linq;

namespace Nop.Services;

/// <summary>Reference surface (complete): base of operation results that carry error messages.</summary>
public abstract partial class BaseNopResult
{
    /// <summary>True while no error has been added.</summary>
    public bool Success => !Errors.Any();

    public virtual void AddError(string error)
    {
        Errors.Add(error);
    }

    public IList<string> Errors { get; set; } = new List<string>();
}
