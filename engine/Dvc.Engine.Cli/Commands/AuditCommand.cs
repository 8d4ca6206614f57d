using System.CommandLine;
using System.Globalization;
using Dvc.Engine.Persistence;
using Dvc.Engine.Persistence.Dossiers;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Dvc.Engine.Cli.Commands;

/// <summary>
/// <c>dvc audit verify &lt;database&gt;</c>: recomputes the hash chain of every dossier's event log in a server's SQLite
/// file, read-only, and reports the first broken link (then each other broken dossier's). Exit 0 when every chain
/// holds, 1 when one does not, 2 when the database cannot be read.
/// </summary>
internal static class AuditCommand
{
    private const int MaxReported = 20;

    public static Command Create()
    {
        var database = new Argument<string>("database") { Description = "The server's SQLite file (Dvc:Database), or a connection string." };
        var verify = new Command("verify", "Check that no dossier event was changed or removed since it was written.");
        verify.Arguments.Add(database);
        verify.SetAction(async (parseResult, ct) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var setting = parseResult.GetValue(database)!;
            if (!setting.Contains('=', StringComparison.Ordinal) && !File.Exists(setting))
            {
                error.WriteLine($"error: no database at {Path.GetFullPath(setting)}");
                return 2;
            }

            // Read-only, so verifying can neither create a missing file nor change the evidence.
            var connection = new SqliteConnectionStringBuilder(setting.Contains('=', StringComparison.Ordinal) ? setting : $"Data Source={setting}")
            {
                Mode = SqliteOpenMode.ReadOnly,
                Pooling = false,
            };
            await using var services = new ServiceCollection().AddLogging().AddDvcPersistence(connection.ToString()).BuildServiceProvider();
            await using var scope = services.CreateAsyncScope();
            AuditReport report;
            try
            {
                report = await DossierAuditChain.VerifyAsync(scope.ServiceProvider.GetRequiredService<DvcDbContext>(), MaxReported, ct);
            }
            catch (SqliteException e)
            {
                error.WriteLine($"error: the database cannot be read: {e.Message}");
                return 2;
            }

            foreach (var broken in report.Breaks)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"BROKEN {broken.DossierCode} at event {broken.Sequence}: {broken.Problem}"));
            }

            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{report.Dossiers} dossier(s), {report.Events} event(s) checked: {(report.Breaks.Count == 0 ? "every chain holds" : $"{report.Breaks.Count}{(report.Breaks.Count == MaxReported ? "+" : "")} broken")}"));
            return report.Breaks.Count == 0 ? 0 : 1;
        });

        var command = new Command("audit", "Audit a server's dossier event logs.");
        command.Subcommands.Add(verify);
        return command;
    }
}
