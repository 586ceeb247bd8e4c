namespace Nop.Core.Configuration;

/// <summary>Reference surface (complete): marker for settings classes loaded by ISettingService.</summary>
public partial interface ISettings
{
}
