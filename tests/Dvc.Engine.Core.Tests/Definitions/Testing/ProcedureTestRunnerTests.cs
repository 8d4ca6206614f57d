using Dvc.Engine.Core.Definitions;
using Dvc.Engine.Core.Definitions.Testing;
using Dvc.Engine.Core.Tests.Fixtures;

namespace Dvc.Engine.Core.Tests.Definitions.Testing;

public sealed class ProcedureTestRunnerTests : IDisposable
{
    private readonly FixtureCatalog _catalog = new();

    public void Dispose() => _catalog.Dispose();

    [Fact]
    public void Every_fixture_case_passes()
    {
        var compilation = _catalog.Compile();
        var runner = new ProcedureTestRunner();

        var results = compilation.Tests.Select(t => runner.Run(compilation.Procedure!, t)).ToArray();

        Assert.All(results, r => Assert.True(r.Passed, string.Join("; ", r.Failures)));
    }

    [Theory]
    [InlineData("\"fee\": 242501", "\"fee\": 242500")]
    [InlineData("\"eligible\": false, \"failedRules\": [\"du-18-tuoi\"]", "\"eligible\": true, \"failedRules\": [\"du-18-tuoi\"]")]
    [InlineData("\"failedRules\": [\"du-18-tuoi\"]", "\"failedRules\": []")]
    [InlineData("\"checklist\": [\"can-cuoc\", \"anh-chan-dung\", \"giay-kham-suc-khoe\"]", "\"checklist\": [\"can-cuoc\", \"anh-chan-dung\"]")]
    [InlineData("\"receipt\": [\"LÊ VĂN CƯỜNG\"", "\"receipt\": [\"Lê Văn Cường\"")]
    [InlineData("\"errors\": [\"/applicant/citizenId\", \"/postalAddress\"]", "\"errors\": [\"/applicant/citizenId\"]")]
    [InlineData("\"valid\": false, \"errors\"", "\"valid\": true, \"errors\"")]
    public void A_wrong_expectation_fails_its_case_with_a_reason(string find, string replace)
    {
        _catalog.Replace("tests/cac-truong-hop.json", find, replace);
        var compilation = _catalog.Compile();
        var runner = new ProcedureTestRunner();

        var failed = compilation.Tests.Select(t => runner.Run(compilation.Procedure!, t)).Where(r => !r.Passed).ToArray();

        var result = Assert.Single(failed);
        Assert.NotEmpty(result.Failures);
    }

    [Fact]
    public void Workflow_paths_are_left_to_the_workflow_runner_with_a_note()
    {
        var compilation = _catalog.Compile();
        var testCase = compilation.Tests.Single(t => t.Expect.WorkflowPath is not null);

        var withoutRunner = new ProcedureTestRunner().Run(compilation.Procedure!, testCase);
        var withRunner = new ProcedureTestRunner(new FailingWorkflowRunner()).Run(compilation.Procedure!, testCase);

        Assert.True(withoutRunner.Passed);
        Assert.Single(withoutRunner.Notes);
        Assert.Equal(["path reception → issue not followed"], withRunner.Failures);
    }

    private sealed class FailingWorkflowRunner : IWorkflowTestRunner
    {
        public IReadOnlyList<string> Check(CompiledProcedure procedure, ProcedureTestCase testCase) =>
            [$"path {string.Join(" → ", testCase.Expect.WorkflowPath!)} not followed"];
    }
}
