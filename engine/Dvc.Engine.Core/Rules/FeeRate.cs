namespace Dvc.Engine.Core.Rules;

/// <summary>One row of an effective-dated tariff: valid from <see cref="From"/> to <see cref="To"/> inclusive (null = open).</summary>
internal sealed record FeeRate(DateOnly? From, DateOnly? To, FeeAmount Amount)
{
    public bool IsValidOn(DateOnly day) => (From is null || From <= day) && (To is null || day <= To);
}
