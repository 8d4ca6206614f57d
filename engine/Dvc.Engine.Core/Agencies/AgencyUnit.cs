namespace Dvc.Engine.Core.Agencies;

/// <summary>The administrative unit an agency serves: a version of the unit file (<c>hn-2025</c>) and a unit id in it.</summary>
public sealed record AgencyUnit(string Version, string Id);
