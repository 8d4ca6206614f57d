using Dvc.Engine.Server.Forms;

namespace Dvc.Engine.Server.Dossiers;

/// <summary>A document issued for the dossier (result, receipt, e-receipt), as its page lists it for download.</summary>
internal sealed record DocumentView(Guid Id, string Kind, LocalizedString Title, string FileName, string ContentType, long Size, string? VerificationCode, DateTimeOffset IssuedAt);
