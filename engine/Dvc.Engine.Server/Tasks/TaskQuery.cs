namespace Dvc.Engine.Server.Tasks;

/// <summary>
/// Inbox filter; all parts optional. <see cref="Status"/> is Open, Claimed or Completed (default: not completed).
/// <see cref="Search"/> finds a dossier by code, applicant name (any case, with or without diacritics) or citizen ID.
/// </summary>
internal sealed record TaskQuery(string? ProcedureCode = null, string? Status = null, DateOnly? DueBefore = null, bool OverdueOnly = false, string? Search = null);
