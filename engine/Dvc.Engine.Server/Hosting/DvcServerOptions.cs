using System.ComponentModel.DataAnnotations;

namespace Dvc.Engine.Server.Hosting;

/// <summary>Where the server keeps its data and finds its procedures (section <c>Dvc</c>).</summary>
internal sealed class DvcServerOptions
{
    public const string Section = "Dvc";

    /// <summary>
    /// A SQLite file (relative to the content root), a SQLite connection string (<c>Data Source=…</c>) or a PostgreSQL one
    /// (<c>Host=…;Database=…;Username=…;Password=…</c>): see <c>DatabaseSetting</c>.
    /// </summary>
    [Required]
    public string Database { get; set; } = "dvc.db";

    /// <summary>The <c>definitions/</c> folder; empty means the repository's folder found above the content root.</summary>
    public string DefinitionsPath { get; set; } = "";

    /// <summary>A folder of plugin assemblies (each <c>IDvcPlugin</c> adds workflow activities), relative to the content root; empty: none.</summary>
    public string PluginsPath { get; set; } = "";

    /// <summary>Creates and prints demo accounts at start; only honoured in Development.</summary>
    public bool SeedDemoAccounts { get; set; }

    /// <summary>
    /// The portal's public address (<c>https://dichvucong.hanoi.gov.vn</c>) used in links sent by e-mail, so a forged
    /// Host header can never point a password link elsewhere; empty: the address the request came to (development).
    /// </summary>
    [Url]
    public string? PublicBaseUrl { get; set; }

    /// <summary>The most tasks one inbox page lists (earliest deadline first).</summary>
    [Range(1, 10_000)]
    public int TaskPageSize { get; set; } = 200;
}
