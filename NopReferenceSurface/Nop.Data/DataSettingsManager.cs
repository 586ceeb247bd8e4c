using System;
using Nop.Core.Infrastructure;
using Nop.Data.Configuration;

namespace Nop.Data;

/// <summary>Reference surface (subset): the store's database settings.</summary>
public partial class DataSettingsManager
{
    public static DataConfig LoadSettings(INopFileProvider fileProvider = null, bool reload = false) =>
        throw new NotSupportedException("reference surface only");
}
