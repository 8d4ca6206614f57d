namespace Dvc.IdentityProvider;

/// <summary>
/// A person as the national population database knows them, and so as the provider vouches for them in its ID
/// tokens: personal identification number (12 digits), full name, birth date, sex, phone, e-mail (optional) and
/// permanent residence in the units in force (province, commune-level unit, street).
/// </summary>
public sealed record CitizenIdentity(
    string Subject,
    string CitizenId,
    string FullName,
    DateOnly BirthDate,
    string Gender,
    string PhoneNumber,
    string? Email,
    string Street,
    string Commune,
    string Province);
