using System.Collections.Generic;

namespace Nop.Core;

/// <summary>Reference surface (complete): one page of a larger result set.</summary>
public partial interface IPagedList<T> : IList<T>
{
    int PageIndex { get; }

    int PageSize { get; }

    int TotalCount { get; }

    int TotalPages { get; }

    bool HasPreviousPage { get; }

    bool HasNextPage { get; }
}
