namespace Dvc.Engine.Server.Endpoints.Accounts;

public sealed record SignInRequest(string Email, string Password);

public sealed record RegisterRequest(string Email, string FullName, string Password);

public sealed record PasswordLinkRequest(string Email);
