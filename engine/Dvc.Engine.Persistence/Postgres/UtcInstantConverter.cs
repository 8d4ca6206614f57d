using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Dvc.Engine.Persistence.Postgres;

/// <summary>
/// Sends an instant to PostgreSQL in UTC: <c>timestamptz</c> keeps the instant, not the offset, and Npgsql refuses to
/// write a value with a non-zero offset (a deadline computed in Hanoi time is +07:00). Values come back in UTC.
/// </summary>
internal sealed class UtcInstantConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(
    value => value.ToUniversalTime(),
    value => value);
