using System.Text;
using Dvc.Designer.Access;
using Dvc.Designer.Drafts;
using Dvc.Engine.Server.Accounts;
using Dvc.Engine.Server.Catalog;
using Dvc.Engine.Persistence.Procedures;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Dvc.Engine.Server.Designer;

/// <summary>
/// The designer's HTTP side: file texts for the text view (so whole files never cross the Blazor circuit), export of a
/// bundle or zipped folder, and import. Same agency scope as the designer itself.
/// </summary>
internal static class DesignerEndpoints
{
    public static IEndpointRouteBuilder MapDesignerEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/designer").RequireAuthorization(DvcPolicies.AgencyAdmin).ExcludeFromDescription();
        group.MapGet("/files/{code}/{**path}", GetFileAsync).WithName("DesignerGetFile");
        group.MapPut("/files/{code}/{**path}", PutFileAsync).WithName("DesignerPutFile").DisableAntiforgery();
        group.MapGet("/export/{file}", ExportAsync).WithName("DesignerExport");
        group.MapPost("/import", ImportAsync).WithName("DesignerImport");
        return app;
    }

    private static async Task<Results<ContentHttpResult, NotFound, ForbidHttpResult>> GetFileAsync(string code, string path, HttpContext http, IDesignerAccess access, IProcedureDrafts drafts, CancellationToken ct)
    {
        if (access.Resolve(http.User) is not { } user)
        {
            return TypedResults.Forbid();
        }

        var opened = await drafts.OpenAsync(user, code, ct);
        return opened.Access switch
        {
            DraftAccess.Forbidden => TypedResults.Forbid(),
            DraftAccess.Ok when opened.Draft!.Files.TryGetValue(path, out var text) => TypedResults.Text(text, "text/plain; charset=utf-8"),
            _ => TypedResults.NotFound(),
        };
    }

    private static async Task<Results<Ok<long>, NotFound, ForbidHttpResult, Conflict, BadRequest>> PutFileAsync(
        string code, string path, long revision, HttpContext http, IDesignerAccess access, IProcedureDrafts drafts, Dvc.Designer.Problems.IProcedureChecker checker, CancellationToken ct)
    {
        if (access.Resolve(http.User) is not { } user)
        {
            return TypedResults.Forbid();
        }

        if (!ProcedureFiles.IsSafePath(path) || http.Request.ContentLength > 5 * 1024 * 1024)
        {
            return TypedResults.BadRequest();
        }

        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(ct);
        var opened = await drafts.OpenAsync(user, code, ct);
        if (opened.Access != DraftAccess.Ok)
        {
            return opened.Access == DraftAccess.Forbidden ? TypedResults.Forbid() : TypedResults.NotFound();
        }

        var files = new SortedDictionary<string, string>(opened.Draft!.Files.ToDictionary(f => f.Key, f => f.Value), StringComparer.Ordinal) { [path] = text };
        var errors = (await checker.CheckAsync(user, code, files, ct)).Errors;
        var saved = await drafts.SaveAsync(user, code, files, revision, errors, ct);
        return saved.Access switch
        {
            DraftAccess.Ok => TypedResults.Ok(saved.Revision),
            DraftAccess.Conflict => TypedResults.Conflict(),
            DraftAccess.Forbidden => TypedResults.Forbid(),
            _ => TypedResults.BadRequest(),
        };
    }

    /// <summary><c>CODE.json</c>: the bundle (one JSON document, shared fragments included); <c>CODE.zip</c>: the folder.</summary>
    private static async Task<Results<FileContentHttpResult, NotFound, ForbidHttpResult>> ExportAsync(
        string file, HttpContext http, IDesignerAccess access, IProcedureDrafts drafts, DraftWorkspace workspace, DesignerChecker checker, CancellationToken ct)
    {
        if (access.Resolve(http.User) is not { } user)
        {
            return TypedResults.Forbid();
        }

        var code = Path.GetFileNameWithoutExtension(file).ToUpperInvariant();
        var opened = await drafts.OpenAsync(user, code, ct);
        if (opened.Access != DraftAccess.Ok)
        {
            return opened.Access == DraftAccess.Forbidden ? TypedResults.Forbid() : TypedResults.NotFound();
        }

        var files = opened.Draft!.Files;
        if (file.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.File(BundleFiles.Zip(code, files), "application/zip", $"{code}.zip");
        }

        var version = ProcedureFiles.TryParse(files.GetValueOrDefault(ProcedureFiles.Manifest))?["version"]?.ToString() is { } v ? v : "0.0.0";
        // The shared workflows the draft calls travel with it (the editor's private compiler finds them); a draft that
        // does not compile yet exports its own files only.
        var called = checker.Compile(code, files).Compilation.Procedure?.Workflow?.SubWorkflows.Select(p => p.File) ?? [];
        var bundle = workspace.Use(code, files, (root, _) => ProcedureBundle.Create(
            root, $"procedures/{code}", code, version, ProcedureVersionStore.ComputeContentHash(ProcedureFiles.ToJson(files)), called));
        return TypedResults.File(Encoding.UTF8.GetBytes(bundle), "application/json", $"{code}.json");
    }

    private static async Task<RedirectHttpResult> ImportAsync([FromForm] IFormFile file, HttpContext http, IDesignerAccess access, IProcedureDrafts drafts, CancellationToken ct)
    {
        if (access.Resolve(http.User) is not { } user || file.Length is 0 or > 10 * 1024 * 1024)
        {
            return TypedResults.Redirect("/designer?error=import-invalid");
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var files = BundleFiles.Read(file.FileName, buffer.ToArray());
        var code = files is null ? null : ProcedureFiles.TryParse(files.GetValueOrDefault(ProcedureFiles.Manifest))?["code"]?.ToString();
        if (files is null || code is null)
        {
            return TypedResults.Redirect("/designer?error=import-invalid");
        }

        var created = await drafts.CreateAsync(user, new NewProcedure(NewProcedureSource.Import, code, "", "", "", "", 3, Files: files), ct);
        return TypedResults.Redirect(created.Access == DraftAccess.Ok ? $"/designer/procedures/{created.Code}" : $"/designer?error={created.Message}");
    }
}
