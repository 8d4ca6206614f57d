namespace Dvc.Engine.Server.Endpoints.Accounts;

public sealed record SignInRequest(string Email, string Password);

public sealed record RegisterRequest(string Email, string FullName, string Password);

/// <summary>The same answer whether the address was new or already registered: what to do next.</summary>
public sealed record RegistrationAnswer(string Message);

public sealed record PasswordLinkRequest(string Email);
