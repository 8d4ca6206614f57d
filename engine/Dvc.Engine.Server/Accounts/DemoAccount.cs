using Dvc.Engine.Persistence.Identity;
using Microsoft.AspNetCore.Identity;

namespace Dvc.Engine.Server.Accounts;

internal sealed record DemoAccount(string Email, string Password, string Role, string? AgencyCode);
