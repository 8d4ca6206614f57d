using System.Text.Json.Nodes;
using Dvc.Engine.Server.Accounts;

namespace Dvc.Engine.Server.Dossiers;

/// <summary>The citizen an officer submits for; an account is created for the e-mail when none exists.</summary>
internal sealed record AssistedApplicant(string Email, string FullName);
