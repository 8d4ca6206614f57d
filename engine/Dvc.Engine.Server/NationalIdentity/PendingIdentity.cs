using Microsoft.AspNetCore.Identity;

namespace Dvc.Engine.Server.NationalIdentity;

/// <summary>A sign-in returned from the national identity provider that has no portal session yet.</summary>
internal sealed record PendingIdentity(ExternalLoginInfo Info, VerifiedIdentity Identity);
