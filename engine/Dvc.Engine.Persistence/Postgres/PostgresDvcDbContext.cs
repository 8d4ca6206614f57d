using Microsoft.EntityFrameworkCore;

namespace Dvc.Engine.Persistence.Postgres;

/// <summary>
/// The same model on PostgreSQL. It exists as a type only so that EF Core keeps PostgreSQL's migrations
/// (<c>Migrations/Postgres</c>, marked with this type) apart from SQLite's (marked with <see cref="DvcDbContext"/>);
/// stores and services only ever ask for <see cref="DvcDbContext"/>.
/// </summary>
public sealed class PostgresDvcDbContext(DbContextOptions<PostgresDvcDbContext> options) : DvcDbContext(options);
