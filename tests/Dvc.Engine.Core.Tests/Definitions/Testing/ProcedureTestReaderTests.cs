using Dvc.Engine.Core.Definitions.Testing;
using Dvc.Engine.Core.Tests.Fixtures;

namespace Dvc.Engine.Core.Tests.Definitions.Testing;

public sealed class ProcedureTestReaderTests : IDisposable
{
    private const string Cases = FixtureCatalog.ProcedureFolder + "/tests/cac-truong-hop.json";
    private readonly FixtureCatalog _catalog = new();

    public void Dispose() => _catalog.Dispose();

    [Theory]
    [InlineData("\"permitType\": \"thuong\", \"copies\": 1, \"delivery\": \"counter\"\n    },\n    \"expect\": { \"valid\": true, \"eligible\": false", "\"permitType\": \"thuong\", \"copies\": 1, \"delivery\": \"counter\", \"nickname\": \"Bình\"\n    },\n    \"expect\": { \"valid\": true, \"eligible\": false", ProcedureTestDiagnostics.UnknownInputField, "/0/input/nickname")]
    [InlineData("\"citizenId\": \"001308012345\" }", "\"citizenId\": \"001308012345\", \"gender\": \"nu\" }", ProcedureTestDiagnostics.UnknownInputField, "/0/input/applicant/gender")]
    [InlineData("\"failedRules\": [\"du-18-tuoi\"]", "\"failedRules\": [\"du-16-tuoi\"]", ProcedureTestDiagnostics.UnknownRule, "/0/expect/failedRules/0")]
    [InlineData("\"checklist\": [\"can-cuoc\", \"anh-chan-dung\", \"giay-kham-suc-khoe\"]", "\"checklist\": [\"can-cuoc\", \"anh-the\", \"giay-kham-suc-khoe\"]", ProcedureTestDiagnostics.UnknownAttachment, "/1/expect/checklist/1")]
    [InlineData("\"receipt\": [\"LÊ VĂN CƯỜNG\"", "\"bien-lai\": [\"LÊ VĂN CƯỜNG\"", ProcedureTestDiagnostics.UnknownTemplate, "/1/expect/rendered/bien-lai")]
    [InlineData("\"errors\": [\"/applicant/citizenId\", \"/postalAddress\"]", "\"errors\": [\"/applicant/citizenID\", \"/postalAddress\"]", ProcedureTestDiagnostics.UnknownErrorField, "/2/expect/errors/0")]
    [InlineData("\"submittedOn\": \"2026-03-02\",\n    \"input\": {\n      \"applicant\": { \"fullName\": \"Trần", "\"submittedOn\": \"02/03/2026\",\n    \"input\": {\n      \"applicant\": { \"fullName\": \"Trần", ProcedureTestDiagnostics.Malformed, "/0/submittedOn")]
    public void Each_test_case_defect_gives_its_diagnostic_but_the_procedure_is_still_served(string find, string replace, string code, string pointer)
    {
        _catalog.Replace("tests/cac-truong-hop.json", find, replace);

        var compilation = _catalog.Compile();

        var error = DiagnosticAssert.SingleError(compilation, code, Cases, pointer);
        Assert.NotNull(compilation.Procedure);
        Assert.InRange(error.Line, 1, File.ReadAllLines(_catalog.PathOf(Cases)).Length);
        Assert.Contains(replace.Split('\n')[0].Trim()[..8], File.ReadAllLines(_catalog.PathOf(Cases))[error.Line - 1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"expect\": { \"valid\": true, \"eligible\": false, \"failedRules\"", "\"expect\": { \"valid\": true, \"eligible\": false, \"failedRule\"", "/0/expect/failedRule")]
    [InlineData("\"expect\": { \"valid\": true, \"eligible\": false, \"failedRules\"", "\"expected\": { \"valid\": true, \"eligible\": false, \"failedRules\"", "/0/expected")]
    public void An_unknown_key_is_a_warning_because_nothing_would_check_it(string find, string replace, string pointer)
    {
        _catalog.Replace("tests/cac-truong-hop.json", find, replace);

        var compilation = _catalog.Compile();

        var warning = Assert.Single(compilation.Diagnostics);
        Assert.Equal(ProcedureTestDiagnostics.UnknownKey, warning.Code);
        Assert.Equal(pointer, warning.JsonPointer);
        Assert.False(warning.IsError);
    }

    [Fact]
    public void Test_cases_are_read_from_single_objects_and_arrays()
    {
        var compilation = _catalog.Compile();

        Assert.Equal(4, compilation.Tests.Count);
        Assert.Equal(new DateOnly(2026, 3, 2), compilation.Tests[0].SubmittedOn);
        Assert.Equal(["reception", "issue"], compilation.Tests[3].Expect.WorkflowPath);
        Assert.Equal("/1", compilation.Tests[1].Pointer);
    }
}
