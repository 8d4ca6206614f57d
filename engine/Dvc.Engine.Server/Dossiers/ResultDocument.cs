namespace Dvc.Engine.Server.Dossiers;

/// <summary>A file handed to the owner: the result document, or an attachment.</summary>
internal sealed record ResultDocument(string FileName, string ContentType, byte[] Content);
