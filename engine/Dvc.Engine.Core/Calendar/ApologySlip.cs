namespace Dvc.Engine.Core.Calendar;

/// <summary>
/// The data of a "phiếu xin lỗi và hẹn lại ngày trả kết quả": the agency apologises for a late dossier and proposes
/// a new date. Rendering and sending it is the server's job.
/// </summary>
public sealed record ApologySlip(
    string DossierCode,
    DateTimeOffset OriginalDueAt,
    DateTimeOffset ProposedDueAt,
    decimal OverdueWorkingDays,
    DateTimeOffset IssuedAt);
