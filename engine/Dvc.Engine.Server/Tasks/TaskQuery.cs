namespace Dvc.Engine.Server.Tasks;

/// <summary>Inbox filter; all parts optional. <see cref="Status"/> is Open, Claimed or Completed (default: not completed).</summary>
internal sealed record TaskQuery(string? ProcedureCode = null, string? Status = null, DateOnly? DueBefore = null, bool OverdueOnly = false);
