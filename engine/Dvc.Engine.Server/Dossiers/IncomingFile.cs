namespace Dvc.Engine.Server.Dossiers;

/// <summary>An uploaded file for one of the procedure's attachments (read into memory; uploads are capped at a few MB).</summary>
internal sealed record IncomingFile(string AttachmentId, string FileName, string ContentType, byte[] Content);
