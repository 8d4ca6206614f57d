using System.Net;
using System.Net.Http.Json;
using Dvc.Engine.Server.Tests.Infrastructure;

namespace Dvc.Engine.Server.Tests.Regressions;

/// <summary>
/// Issue 14, items 1–2 over HTTP: a procedure whose parts lead out of the catalog (a newline before "..", a link to the
/// server folder) is not served, and nothing of the files it names reaches a response.
/// </summary>
public sealed class Issue14_DefinitionsCannotReadServerFilesTests : IDisposable
{
    private const string Secret = "bi-mat-cua-may-chu";
    private const string Traversal = "\\n../../../../../../../../../../etc/passwd";

    private readonly DefinitionsCopy _definitions = new();

    public Issue14_DefinitionsCannotReadServerFilesTests()
    {
        var server = Directory.CreateDirectory(Path.Combine(_definitions.Folder, "server")).FullName;
        File.WriteAllText(Path.Combine(server, "appsettings.json"), $$"""{ "Authentication": { "Oidc": { "ClientId": "dvc", "ClientSecret": "{{Secret}}" } } }""");
    }

    /// <summary>The reproduction filed a dossier and read /etc/passwd back from its result: now nothing can be filed under it.</summary>
    [Fact]
    public async Task A_result_template_path_out_of_the_catalog_leaves_the_procedure_unserved_so_no_result_can_show_it()
    {
        _definitions.Edit("procedures/HN-TP-001/procedure.json", "\"result\": \"templates/result.sbn\"", $"\"result\": \"{Traversal}\"");
        using var server = _definitions.Server();
        var citizen = await server.NewCitizenAsync();

        var procedure = await citizen.GetAsync("/api/v1/procedures/HN-TP-001");
        var other = await citizen.GetAsync("/api/v1/procedures/HN-TP-002");
        var submit = await citizen.PostAsJsonAsync("/api/v1/dossiers", Submissions.BirthRegistration());
        var mine = await citizen.GetStringAsync("/api/v1/dossiers");

        Assert.Equal(HttpStatusCode.NotFound, procedure.StatusCode);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, submit.StatusCode);
        Assert.Equal("[]", mine);
    }

    [Fact]
    public async Task A_ref_through_a_shared_link_to_the_server_folder_serves_no_configuration()
    {
        Directory.CreateSymbolicLink(Path.Combine(_definitions.Root, "shared", "ext"), Path.Combine(_definitions.Folder, "server"));
        _definitions.Edit("procedures/HN-TP-001/form.schema.json", "\"properties\": {\n    \"applicant\": {", "\"properties\": {\n    \"cauHinh\": { \"$ref\": \"../../shared/ext/appsettings.json#/Authentication\" },\n    \"applicant\": {");
        using var server = _definitions.Server();
        var anonymous = server.CreateBrowserlessClient();

        var procedure = await anonymous.GetAsync("/api/v1/procedures/HN-TP-001");
        var list = await anonymous.GetStringAsync("/api/v1/procedures");

        Assert.Equal(HttpStatusCode.NotFound, procedure.StatusCode);
        Assert.DoesNotContain(Secret, await procedure.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, list, StringComparison.Ordinal);
    }

    public void Dispose() => _definitions.Dispose();
}
