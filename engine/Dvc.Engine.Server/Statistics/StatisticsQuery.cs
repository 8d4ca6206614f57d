namespace Dvc.Engine.Server.Statistics;

/// <summary>Which dossiers the statistics count: submitted from/to (Hanoi dates, inclusive) and of one procedure; all parts optional.</summary>
internal sealed record StatisticsQuery(DateOnly? From = null, DateOnly? To = null, string? ProcedureCode = null);
