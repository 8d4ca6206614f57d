using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Dvc.Engine.Persistence;

/// <summary>Stores an instant as its UTC ticks, so SQLite compares and orders it as a plain integer.</summary>
internal sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks,
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
