namespace Dvc.Engine.Persistence;

public enum DatabaseProvider
{
    /// <summary>An embedded file: the default, one node.</summary>
    Sqlite,

    /// <summary>A shared server: any number of nodes.</summary>
    Postgres,
}
