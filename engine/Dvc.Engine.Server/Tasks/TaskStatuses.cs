namespace Dvc.Engine.Server.Tasks;

internal static class TaskStatuses
{
    public const string Open = "Open";
    public const string Claimed = "Claimed";
    public const string Completed = "Completed";
}
