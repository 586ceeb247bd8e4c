using System.Threading.Tasks;

namespace Nop.Services.ScheduleTasks;

/// <summary>Reference surface (complete): a task run by the scheduler.</summary>
public partial interface IScheduleTask
{
    Task ExecuteAsync();
}
