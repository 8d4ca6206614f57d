namespace Dvc.Engine.Server.Forms;

/// <summary>One choice of a select/radio field; <see cref="Parent"/> links a ward to its district for the cascade.</summary>
internal sealed record FormOption(string Value, LocalizedString Label, string? Parent = null);
