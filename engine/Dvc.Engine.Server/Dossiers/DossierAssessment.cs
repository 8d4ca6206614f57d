namespace Dvc.Engine.Server.Dossiers;

/// <summary>What an eligible applicant will pay and must attach, before filing.</summary>
internal sealed record DossierAssessment(long Fee, IReadOnlyList<FeeLine> FeeLines, IReadOnlyList<ChecklistLine> Documents);
