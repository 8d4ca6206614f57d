using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dvc.Engine.Server.Tests.Infrastructure;

namespace Dvc.Engine.Server.Tests.Endpoints.Catalog;

/// <summary>
/// Every procedure's own test cases (definitions/procedures/*/tests) through the HTTP API: field errors, eligibility
/// with the failed rules, fee and checklist as the authors expect. Cases dated on the test server's day (02/03/2026).
/// </summary>
public sealed class ProcedureTestCaseTests(DvcServerFactory server) : IClassFixture<DvcServerFactory>
{
    public static TheoryData<string, string, int> Cases()
    {
        var data = new TheoryData<string, string, int>();
        var procedures = Path.Combine(DvcServerFactory.RepositoryDefinitions(), "procedures");
        foreach (var file in Directory.GetFiles(procedures, "*.json", SearchOption.AllDirectories).Where(f => f.Contains($"{Path.DirectorySeparatorChar}tests{Path.DirectorySeparatorChar}", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var node = JsonNode.Parse(File.ReadAllText(file));
            var cases = node is JsonArray array ? array.OfType<JsonObject>().ToList() : [node!.AsObject()];
            for (var i = 0; i < cases.Count; i++)
            {
                if (cases[i]["submittedOn"]?.GetValue<string>() is null or "2026-03-02")
                {
                    data.Add(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(file)))!, Path.GetFileName(file), i);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task The_api_answers_each_procedure_test_case_as_its_author_expects(string procedure, string file, int index)
    {
        var testCase = Case(procedure, file, index);
        var expect = testCase["expect"]!.AsObject();
        var client = server.CreateBrowserlessClient();

        var response = await client.PostAsJsonAsync($"/api/v1/procedures/{procedure}/assessments", new { data = testCase["input"] });
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        if (expect["valid"]?.GetValue<bool>() == false)
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            if (expect["errors"] is JsonArray errors)
            {
                Assert.Equal(
                    errors.Select(e => e!.GetValue<string>()).Order(StringComparer.Ordinal),
                    body["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal));
            }

            return;
        }

        if (expect["eligible"]?.GetValue<bool>() == false)
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            if (expect["failedRules"] is JsonArray failed)
            {
                Assert.Equal(
                    failed.Select(e => e!.GetValue<string>()).Order(StringComparer.Ordinal),
                    body["reasons"]!.AsArray().Select(r => r!["rule"]!.GetValue<string>()).Order(StringComparer.Ordinal));
            }

            return;
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        if (expect["fee"] is { } fee)
        {
            Assert.Equal(fee.GetValue<long>(), body["fee"]!.GetValue<long>());
        }

        if (expect["checklist"] is JsonArray checklist)
        {
            Assert.Equal(
                checklist.Select(c => c!.GetValue<string>()).Order(StringComparer.Ordinal),
                body["documents"]!.AsArray().Select(d => d!["attachmentId"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        }
    }

    private static JsonObject Case(string procedure, string file, int index)
    {
        var node = JsonNode.Parse(File.ReadAllText(Path.Combine(DvcServerFactory.RepositoryDefinitions(), "procedures", procedure, "tests", file)));
        return node is JsonArray array ? array[index]!.AsObject() : node!.AsObject();
    }
}
