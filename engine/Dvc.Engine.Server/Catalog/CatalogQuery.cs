namespace Dvc.Engine.Server.Catalog;

/// <summary>Catalog search: free text over name and code (diacritics-insensitive), agency code, administrative level.</summary>
internal sealed record CatalogQuery(string? Text = null, string? Agency = null, string? Level = null);
