namespace Dvc.Engine.Server.Dossiers;

/// <summary>What the citizen gets on submission: the code, the fee and the expected result date.</summary>
internal sealed record DossierReceipt(string Code, long Fee, IReadOnlyList<FeeLine> FeeLines, DateOnly? DueOn, string Status);
