using System.Text;
using System.Text.Json.Nodes;
using Dvc.Engine.Core.Definitions;
using Dvc.Engine.Persistence.Procedures;

namespace Dvc.Engine.Server.Catalog;

/// <summary>
/// Imports <c>definitions/</c> at start: compiles every procedure (a broken one is logged with its diagnostics and
/// skipped; the rest are served), stores each version by content hash (importing unchanged content is a no-op), and
/// publishes the compiled set to the <see cref="ProcedureCatalog"/>.
/// </summary>
internal sealed partial class DefinitionImporter(
    ProcedureCompiler compiler,
    ProcedureVersionStore versions,
    ProcedureCatalog catalog,
    ILogger<DefinitionImporter> logger)
{
    public async Task<DefinitionImportReport> ImportAsync(string definitionsRoot, CancellationToken ct)
    {
        var compilation = compiler.CompileCatalog(definitionsRoot, ct);
        foreach (var diagnostic in compilation.Diagnostics.Where(d => d.IsError))
        {
            LogDiagnostic(logger, diagnostic.Code, diagnostic.Message, diagnostic.File, diagnostic.Line);
        }

        var published = new List<(CompiledProcedure, Guid)>();
        var skipped = new List<string>();
        foreach (var result in compilation.Procedures)
        {
            if (result.Procedure is not { } procedure)
            {
                skipped.Add(result.Code.Length > 0 ? result.Code : result.Folder);
                foreach (var d in result.Diagnostics.Where(d => d.IsError).Take(20))
                {
                    LogDiagnostic(logger, d.Code, d.Message, d.File, d.Line);
                }

                continue;
            }

            var imported = await versions.ImportAsync(
                new ProcedureImport(procedure.Code, procedure.Version, Bundle(procedure), "definitions", Publish: true),
                ct);
            published.Add((procedure, imported.Version.Id));
        }

        catalog.Publish(published);
        LogImported(logger, published.Count, skipped.Count, definitionsRoot);
        return new DefinitionImportReport(published.Count, skipped);
    }

    /// <summary>
    /// The stored bundle: the parts after <c>$ref</c> inlining that the runtime reads back, and the compiler's content
    /// hash, which is the version's identity (equal content, equal bytes).
    /// </summary>
    internal static string Bundle(CompiledProcedure procedure)
    {
        var workflow = JsonNode.Parse(Encoding.UTF8.GetString(procedure.WorkflowJson.Span));
        var bundle = new JsonObject
        {
            ["code"] = procedure.Code,
            ["version"] = procedure.Version,
            ["contentHash"] = procedure.ContentHash,
            ["folder"] = procedure.Folder,
            ["form"] = procedure.Form.Schema.DeepClone(),
            ["workflow"] = workflow,
        };
        return bundle.ToJsonString();
    }

    [LoggerMessage(EventId = 5200, Level = LogLevel.Information, Message = "Imported {Count} procedure(s) from {Root}; {Skipped} skipped because they do not compile")]
    private static partial void LogImported(ILogger logger, int count, int skipped, string root);

    [LoggerMessage(EventId = 5201, Level = LogLevel.Warning, Message = "{Code}: {Message} ({File}, line {Line})")]
    private static partial void LogDiagnostic(ILogger logger, string code, string message, string file, int line);
}

internal sealed record DefinitionImportReport(int Imported, IReadOnlyList<string> Skipped);
