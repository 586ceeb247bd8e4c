using System.Collections.Generic;
using System.Threading.Tasks;
using Nop.Core.Domain.Localization;

namespace Nop.Services.Localization;

/// <summary>Reference surface (subset): languages.</summary>
public partial interface ILanguageService
{
    Task<IList<Language>> GetAllLanguagesAsync(bool showHidden = false, int storeId = 0);
}
