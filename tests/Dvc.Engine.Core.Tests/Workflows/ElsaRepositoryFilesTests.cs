using Dvc.Engine.Core.Workflows;
using Dvc.Engine.Core.Workflows.SubWorkflows;

namespace Dvc.Engine.Core.Tests.Workflows;

/// <summary>
/// Every workflow JSON file of elsa-core at the pinned commit (Conformance/README.md) is in the suite, byte for byte, and
/// each one either compiles as it is, with the other files of its scenario as the workflows it may call, or is refused
/// with errors that name what is not supported at the file, line and JSON pointer where it stands. None is skipped.
/// </summary>
public sealed class ElsaRepositoryFilesTests
{
    /// <summary>The workflow JSON files of elsa-core @1c0fb909 (every JSON file there with a <c>root</c> activity).</summary>
    private const int FilesInElsaCore = 89;

    private const string Http = "(a dossier's workflow starts when the portal receives the dossier";
    private const string CSharp = "use Elsa.RunJavaScript";

    /// <summary>The files refused, each with every error it gets: (file the error is in, code, text the message names, pointer).</summary>
    private static readonly Dictionary<string, (string File, string Code, string Names, string Pointer)[]> Refused = new()
    {
        ["CachingAndWorkflowDefinitionActivity/workflow-definition-parent.json"] =
            [("CachingAndWorkflowDefinitionActivity/workflow-definition-parent.json", WorkflowDiagnostics.UnknownActivityType, "'Elsa.HttpEndpoint' of '7e20498ffc94dbc6' is not supported " + Http, "/root/activities/0/type")],
        ["HttpWorkflows/http-hello-world.json"] =
        [
            ("HttpWorkflows/http-hello-world.json", WorkflowDiagnostics.UnknownActivityType, "'Elsa.HttpEndpoint' of '90c3d3b2ea1f6ddc' is not supported " + Http, "/root/activities/0/type"),
            ("HttpWorkflows/http-hello-world.json", WorkflowDiagnostics.UnknownActivityType, "'Elsa.WriteHttpResponse' of '3048105347912af5' is not supported " + Http, "/root/activities/1/type"),
        ],
        ["ImportAndPublish/bad-cron-expression.json"] =
            [("ImportAndPublish/bad-cron-expression.json", WorkflowDiagnostics.InvalidCron, "Seconds: Value must be a number between 0 and 59", "/root/activities/1/cronExpression/expression/value")],
        ["ImportAndPublish/http-workflow.json"] =
            [("ImportAndPublish/http-workflow.json", WorkflowDiagnostics.UnknownActivityType, "'Elsa.HttpEndpoint' of 'b036c71bbd31983d' is not supported " + Http, "/root/activities/0/type")],
        ["ParentChildOutputMapping/b.json"] =
            [("ParentChildOutputMapping/b.json", WorkflowDiagnostics.UnknownActivityType, "'Elsa.RunCSharp' of '247da1e267d76f80' is not supported (scripts run as JavaScript in the sandbox: " + CSharp, "/root/activities/0/type")],
        ["ParentChildOutputMapping/c.json"] =
            [("ParentChildOutputMapping/b.json", WorkflowDiagnostics.UnknownActivityType, "'Elsa.RunCSharp' of '247da1e267d76f80'", "/root/activities/0/type")],
        ["ParentChildOutputMapping/consumer.json"] =
            [("ParentChildOutputMapping/consumer.json", WorkflowDiagnostics.UnsupportedExpression, "Expression type 'CSharp' of input 'text' in 'b3b9071594676f52' is not supported", "/root/activities/1/text/expression/type")],
        ["ParentChildOutputMapping/d.json"] =
        [
            ("ParentChildOutputMapping/b.json", WorkflowDiagnostics.UnknownActivityType, "'Elsa.RunCSharp' of '247da1e267d76f80'", "/root/activities/0/type"),
            ("ParentChildOutputMapping/d.json", WorkflowDiagnostics.UnsupportedExpression, "Expression type 'CSharp' of input 'text' in 'a815c4cf1e668419' is not supported", "/root/activities/1/text/expression/type"),
        ],
        ["ServerWeb/triggers.json"] =
            [("ServerWeb/triggers.json", WorkflowDiagnostics.UnknownActivityType, "'Elsa.HttpEndpoint' of '607c2042a187fe5a' is not supported " + Http, "/root/activities/0/type")],
        ["WorkflowActivities/CacheInvalidation_Parent.json"] =
            [("WorkflowActivities/CacheInvalidation_Parent.json", WorkflowDiagnostics.UnknownActivityType, "'Elsa.HttpEndpoint' of '109b9c25e55375ba' is not supported " + Http, "/root/activities/2/type")],
        ["WorkflowDefinitionRefresh/dynamic-endpoint-http-workflow.json"] =
        [
            ("WorkflowDefinitionRefresh/dynamic-endpoint-http-workflow.json", WorkflowDiagnostics.UnknownActivityType, "'Elsa.HttpEndpoint' of '25d3a6465094a796' is not supported " + Http, "/root/activities/0/type"),
            ("WorkflowDefinitionRefresh/dynamic-endpoint-http-workflow.json", WorkflowDiagnostics.UndefinedAccessor, "calls getStaticValue()", "/root/activities/0/path/expression/value"),
        ],
        ["WorkflowDefinitionReload/http-workflow.json"] =
            [("WorkflowDefinitionReload/http-workflow.json", WorkflowDiagnostics.UnknownActivityType, "'Elsa.HttpEndpoint' of 'cc196a5e-04f7-4794-b25c-1a0987632d8a' is not supported " + Http, "/root/activities/0/type")],
        ["WorkflowOutputMapping/workflow-output.json"] =
            [("WorkflowOutputMapping/workflow-output.json", WorkflowDiagnostics.UnknownActivityType, "'Elsa.RunCSharp' of '966835c72852cc27' is not supported (scripts run as JavaScript", "/root/activities/0/type")],
    };

    public static TheoryData<string> Files() => [.. AllFiles()];

    [Fact]
    public void Every_workflow_file_of_elsa_core_is_in_the_suite()
    {
        Assert.Equal(FilesInElsaCore, AllFiles().Count);
        Assert.All(Refused.Keys, file => Assert.Contains(file, AllFiles()));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void An_elsa_core_file_compiles_as_it_is_or_is_refused_by_name_where_it_stands(string file)
    {
        var result = Compile(file);

        if (!Refused.TryGetValue(file, out var expected))
        {
            Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics));
            Assert.DoesNotContain(result.Diagnostics, d => d.Severity == Dvc.Engine.Core.Definitions.DiagnosticSeverity.Warning);
            return;
        }

        var errors = result.Diagnostics.Where(d => d.IsError).ToList();
        Assert.False(result.Success);
        Assert.Equal(expected.Length, errors.Count);
        foreach (var ((at, code, names, pointer), error) in expected.Zip(errors))
        {
            Assert.Equal((at, code, pointer), (error.File, error.Code, error.JsonPointer));
            Assert.Contains(names, error.Message, StringComparison.Ordinal);
            Assert.True(error.Line > 0 && error.Column > 0, error.ToString());
        }
    }

    private static WorkflowCompileResult Compile(string file)
    {
        var scenario = Path.GetDirectoryName(file)!;
        var folder = Path.Combine(Root(), scenario);
        var context = WorkflowCompileContext.Default with { Library = WorkflowLibrary.FromDirectory(folder, scenario, []) };
        return WorkflowCompiler.Compile(File.ReadAllBytes(Path.Combine(Root(), file)), file, context);
    }

    private static List<string> AllFiles() =>
        [.. Directory.GetFiles(Root(), "*.json", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Root(), f).Replace('\\', '/')).Order(StringComparer.Ordinal)];

    private static string Root() => Path.Combine(WorkflowTestKit.ConformanceDirectory(), "elsa-core");
}
