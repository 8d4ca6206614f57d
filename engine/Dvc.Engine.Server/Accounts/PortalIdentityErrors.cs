using Dvc.Engine.Server.Localization;
using Microsoft.AspNetCore.Identity;

namespace Dvc.Engine.Server.Accounts;

/// <summary>
/// Identity's messages in the portal's languages. Without it a Vietnamese citizen registering read "Passwords must
/// have at least one digit ('0'-'9')." and, for a taken address, two English lines (user name and e-mail are the same).
/// </summary>
internal sealed class PortalIdentityErrors(PortalText text) : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Error(nameof(DefaultError), text["identity.default"]);

    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), text.Format("identity.duplicateEmail", email));

    // The user name is the e-mail address: the same message, so the page shows it once.
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), text.Format("identity.duplicateEmail", userName));

    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), text.Format("identity.invalidEmail", email ?? ""));

    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), text.Format("identity.invalidEmail", userName ?? ""));

    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), text.Format("identity.passwordTooShort", length));

    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), text["identity.passwordDigit"]);

    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), text["identity.passwordLower"]);

    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), text["identity.passwordUpper"]);

    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric), text["identity.passwordSymbol"]);

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), text.Format("identity.passwordUnique", uniqueChars));

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
