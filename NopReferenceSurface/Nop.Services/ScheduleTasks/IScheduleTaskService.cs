using System.Threading.Tasks;
using Nop.Core.Domain.ScheduleTasks;

namespace Nop.Services.ScheduleTasks;

/// <summary>Reference surface (subset): scheduled task records.</summary>
public partial interface IScheduleTaskService
{
    Task DeleteTaskAsync(ScheduleTask task);

    Task<ScheduleTask> GetTaskByTypeAsync(string type);

    Task InsertTaskAsync(ScheduleTask task);
}
