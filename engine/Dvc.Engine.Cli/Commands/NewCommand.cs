using Dvc.Engine.Core.Definitions;
using System.CommandLine;
using System.Text.RegularExpressions;

namespace Dvc.Engine.Cli.Commands;

/// <summary>
/// <c>dvc new &lt;code&gt; [--out dir]</c>: writes a procedure folder that passes <c>dvc validate</c>: manifest, a form that reuses
/// <c>shared/applicant.schema.json</c> when the catalog has it, eligibility/fee/checklist rules, an Elsa flowchart with one
/// human task, result and receipt templates, and one test case. <c>--out</c> is the folder the procedure folder is created in
/// (default: ./definitions/procedures when it exists, else the current folder).
/// </summary>
internal static partial class NewCommand
{
    public static Command Create()
    {
        var code = new Argument<string>("code") { Description = "Procedure code, e.g. HN-TP-010 (capital letters and digits in dash-separated groups)." };
        var output = new Option<string?>("--out") { Description = "Folder to create <code>/ in. Default: ./definitions/procedures, else the current folder." };
        var command = new Command("new", "Scaffold a new procedure folder that passes dvc validate.");
        command.Arguments.Add(code);
        command.Options.Add(output);
        command.SetAction(parseResult =>
        {
            var writer = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var value = parseResult.GetValue(code) ?? string.Empty;
            if (!CodePattern().IsMatch(value))
            {
                error.WriteLine($"error: '{value}' is not a procedure code; use capital letters and digits in dash-separated groups, e.g. HN-TP-010.");
                return 2;
            }

            var parent = Path.GetFullPath(parseResult.GetValue(output) ?? (Directory.Exists(Path.Combine("definitions", "procedures")) ? Path.Combine("definitions", "procedures") : "."));
            var folder = Path.Combine(parent, value);
            if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
            {
                error.WriteLine($"error: '{folder}' already exists and is not empty.");
                return 2;
            }

            var sharedApplicant = FindSharedApplicant(folder);
            foreach (var (file, content) in ProcedureScaffold.Files(value, sharedApplicant))
            {
                var path = Path.Combine(folder, file);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, content);
            }

            writer.WriteLine($"Created {folder}{(sharedApplicant is null ? string.Empty : $" (applicant from {sharedApplicant})")}");
            writer.WriteLine($"Next: edit the files, then run: dvc validate \"{folder}\" && dvc test \"{folder}\"");
            return 0;
        });
        return command;
    }

    /// <summary>The $ref to the catalog's shared applicant schema, relative to the new folder, when the folder sits in a catalog that has one.</summary>
    private static string? FindSharedApplicant(string folder)
    {
        var procedures = Path.GetDirectoryName(folder);
        var catalog = procedures is not null && Path.GetFileName(procedures) == "procedures" ? Path.GetDirectoryName(procedures) : null;
        return catalog is not null && File.Exists(Path.Combine(catalog, "shared", "applicant.schema.json"))
            ? "../../shared/applicant.schema.json#"
            : null;
    }

    [GeneratedRegex("^[A-Z0-9]+(-[A-Z0-9]+)+$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();
}
