namespace Dvc.Engine.Server.Tasks;

internal static class TaskStatuses
{
    public const string Open = "Open";
    public const string Claimed = "Claimed";
    public const string Completed = "Completed";

    public static readonly string[] All = [Open, Claimed, Completed];

    /// <summary>The canonical name of a status filter typed in any case; null when it is not one.</summary>
    public static string? Parse(string value) => All.FirstOrDefault(s => string.Equals(s, value.Trim(), StringComparison.OrdinalIgnoreCase));
}
