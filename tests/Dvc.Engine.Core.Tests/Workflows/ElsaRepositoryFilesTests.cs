using Dvc.Engine.Core.Workflows;
using Dvc.Engine.Core.Workflows.SubWorkflows;

namespace Dvc.Engine.Core.Tests.Workflows;

/// <summary>
/// Every workflow JSON file of Elsa's repositories at the pinned commits (Conformance/README.md) is in the suite, byte for
/// byte, and each one either compiles as it is, with the other files of its folder as the workflows it may call, or is refused
/// with errors that name what is not supported at the file, line and JSON pointer where it stands. None is skipped.
/// </summary>
public sealed class ElsaRepositoryFilesTests
{
    /// <summary>
    /// The workflow JSON files (every JSON file with a <c>root</c> activity) of elsa-core @1c0fb909, elsa-guides @21944a65
    /// and elsa-samples @fc51e882.
    /// </summary>
    private static readonly Dictionary<string, int> FilesPerRepository = new() { ["elsa-core"] = 89, ["elsa-guides"] = 6, ["elsa-samples"] = 9 };

    private const string Http = "(a dossier's workflow starts when the portal receives the dossier";
    private const string CSharp = "use Elsa.RunJavaScript";

    /// <summary>The files refused, each with every error it gets: (file the error is in, code, text the message names, pointer).</summary>
    private static readonly Dictionary<string, (string File, string Code, string Names, string Pointer)[]> Refused = new()
    {
        ["elsa-core/CachingAndWorkflowDefinitionActivity/workflow-definition-parent.json"] =
            [("elsa-core/CachingAndWorkflowDefinitionActivity/workflow-definition-parent.json", WorkflowDiagnostics.UnknownActivityType, "'Elsa.HttpEndpoint' of '7e20498ffc94dbc6' is not supported " + Http, "/root/activities/0/type")],
        ["elsa-core/HttpWorkflows/http-hello-world.json"] =
        [
            ("elsa-core/HttpWorkflows/http-hello-world.json", WorkflowDiagnostics.UnknownActivityType, "'Elsa.HttpEndpoint' of '90c3d3b2ea1f6ddc' is not supported " + Http, "/root/activities/0/type"),
            ("elsa-core/HttpWorkflows/http-hello-world.json", WorkflowDiagnostics.UnknownActivityType, "'Elsa.WriteHttpResponse' of '3048105347912af5' is not supported " + Http, "/root/activities/1/type"),
        ],
        ["elsa-core/ImportAndPublish/bad-cron-expression.json"] =
            [("elsa-core/ImportAndPublish/bad-cron-expression.json", WorkflowDiagnostics.InvalidCron, "Seconds: Value must be a number between 0 and 59", "/root/activities/1/cronExpression/expression/value")],
        ["elsa-core/ImportAndPublish/http-workflow.json"] =
            [("elsa-core/ImportAndPublish/http-workflow.json", WorkflowDiagnostics.UnknownActivityType, "'Elsa.HttpEndpoint' of 'b036c71bbd31983d' is not supported " + Http, "/root/activities/0/type")],
        ["elsa-core/ParentChildOutputMapping/b.json"] =
            [("elsa-core/ParentChildOutputMapping/b.json", WorkflowDiagnostics.UnknownActivityType, "'Elsa.RunCSharp' of '247da1e267d76f80' is not supported (scripts run as JavaScript in the sandbox: " + CSharp, "/root/activities/0/type")],
        ["elsa-core/ParentChildOutputMapping/c.json"] =
            [("elsa-core/ParentChildOutputMapping/b.json", WorkflowDiagnostics.UnknownActivityType, "'Elsa.RunCSharp' of '247da1e267d76f80'", "/root/activities/0/type")],
        ["elsa-core/ParentChildOutputMapping/consumer.json"] =
            [("elsa-core/ParentChildOutputMapping/consumer.json", WorkflowDiagnostics.UnsupportedExpression, "Expression type 'CSharp' of input 'text' in 'b3b9071594676f52' is not supported", "/root/activities/1/text/expression/type")],
        ["elsa-core/ParentChildOutputMapping/d.json"] =
        [
            ("elsa-core/ParentChildOutputMapping/b.json", WorkflowDiagnostics.UnknownActivityType, "'Elsa.RunCSharp' of '247da1e267d76f80'", "/root/activities/0/type"),
            ("elsa-core/ParentChildOutputMapping/d.json", WorkflowDiagnostics.UnsupportedExpression, "Expression type 'CSharp' of input 'text' in 'a815c4cf1e668419' is not supported", "/root/activities/1/text/expression/type"),
        ],
        ["elsa-core/ServerWeb/triggers.json"] =
            [("elsa-core/ServerWeb/triggers.json", WorkflowDiagnostics.UnknownActivityType, "'Elsa.HttpEndpoint' of '607c2042a187fe5a' is not supported " + Http, "/root/activities/0/type")],
        ["elsa-core/WorkflowActivities/CacheInvalidation_Parent.json"] =
            [("elsa-core/WorkflowActivities/CacheInvalidation_Parent.json", WorkflowDiagnostics.UnknownActivityType, "'Elsa.HttpEndpoint' of '109b9c25e55375ba' is not supported " + Http, "/root/activities/2/type")],
        ["elsa-core/WorkflowDefinitionRefresh/dynamic-endpoint-http-workflow.json"] =
        [
            ("elsa-core/WorkflowDefinitionRefresh/dynamic-endpoint-http-workflow.json", WorkflowDiagnostics.UnknownActivityType, "'Elsa.HttpEndpoint' of '25d3a6465094a796' is not supported " + Http, "/root/activities/0/type"),
            ("elsa-core/WorkflowDefinitionRefresh/dynamic-endpoint-http-workflow.json", WorkflowDiagnostics.UndefinedAccessor, "calls getStaticValue()", "/root/activities/0/path/expression/value"),
        ],
        ["elsa-core/WorkflowDefinitionReload/http-workflow.json"] =
            [("elsa-core/WorkflowDefinitionReload/http-workflow.json", WorkflowDiagnostics.UnknownActivityType, "'Elsa.HttpEndpoint' of 'cc196a5e-04f7-4794-b25c-1a0987632d8a' is not supported " + Http, "/root/activities/0/type")],
        ["elsa-core/WorkflowOutputMapping/workflow-output.json"] =
            [("elsa-core/WorkflowOutputMapping/workflow-output.json", WorkflowDiagnostics.UnknownActivityType, "'Elsa.RunCSharp' of '966835c72852cc27' is not supported (scripts run as JavaScript", "/root/activities/0/type")],
        ["elsa-guides/blog/create-and-publish-content.json"] =
        [
            ("elsa-guides/blog/create-and-publish-content.json", WorkflowDiagnostics.UnknownActivityType, "'Elsa.Agents.SEOSpecialist' of 'b371a6e1931e4267' is not supported", "/root/activities/0/type"),
            ("elsa-guides/blog/create-and-publish-content.json", WorkflowDiagnostics.UnknownActivityType, "'Elsa.Agents.Artist' of 'c0f64f9634a75a0d' is not supported", "/root/activities/1/type"),
            ("elsa-guides/blog/create-and-publish-content.json", WorkflowDiagnostics.UnknownActivityType, "'Elsa.Agents.Copywriter' of '19ae3a005965e501' is not supported", "/root/activities/2/type"),
            ("elsa-guides/blog/create-and-publish-content.json", WorkflowDiagnostics.UnknownActivityType, "'Elsa.Agents.SocialMediaSpecialist' of 'a45754ac9ad7dacd' is not supported", "/root/activities/3/type"),
            ("elsa-guides/blog/create-and-publish-content.json", WorkflowDiagnostics.UnknownActivityType, "'Elsa.Agents.Translator' of 'f5d2bb0700652901' is not supported", "/root/activities/4/type"),
            ("elsa-guides/blog/create-and-publish-content.json", WorkflowDiagnostics.UnknownActivityType, "'Elsa.Agents.Translator' of '1da383e748fe9744' is not supported", "/root/activities/5/type"),
        ],
        ["elsa-guides/dispatching-child-workflows/parent-workflow.json"] =
            [("elsa-guides/dispatching-child-workflows/parent-workflow.json", WorkflowDiagnostics.UnknownActivityType, "'Elsa.DispatchWorkflow' of '5eb83162f174f7e0' is not supported (a dossier runs one instance: use Elsa.ExecuteWorkflow", "/root/activities/1/type")],
        ["elsa-guides/http-workflows/get-user.json"] =
        [
            ("elsa-guides/http-workflows/get-user.json", WorkflowDiagnostics.UnknownActivityType, "'Elsa.FlowSendHttpRequest' of '47898b89878097e2' is not supported", "/root/activities/0/type"),
            ("elsa-guides/http-workflows/get-user.json", WorkflowDiagnostics.UnsupportedExpression, "Expression type 'CSharp' of input 'url' in '47898b89878097e2' is not supported", "/root/activities/0/url/expression/type"),
            ("elsa-guides/http-workflows/get-user.json", WorkflowDiagnostics.UnknownActivityType, "'Elsa.WriteHttpResponse' of 'a5b0c7c420f89a11' is not supported", "/root/activities/1/type"),
            ("elsa-guides/http-workflows/get-user.json", WorkflowDiagnostics.UnknownActivityType, "'Elsa.WriteHttpResponse' of '1e6c1edf20c4b6f7' is not supported", "/root/activities/2/type"),
            ("elsa-guides/http-workflows/get-user.json", WorkflowDiagnostics.UnknownActivityType, "'Elsa.HttpEndpoint' of '27607e7c43471471' is not supported", "/root/activities/3/type"),
            ("elsa-guides/http-workflows/get-user.json", WorkflowDiagnostics.UnsupportedExpression, "Expression type 'CSharp' of input 'value' in '595a8892f09a15cd' is not supported", "/root/activities/4/value/expression/type"),
        ],
        ["elsa-samples/AspNet.DynamicActivityProvider/create-user-workflow.json"] =
        [
            ("elsa-samples/AspNet.DynamicActivityProvider/create-user-workflow.json", WorkflowDiagnostics.UnknownActivityType, "'Elsa.HttpEndpoint' of 'HttpEndpoint1' is not supported", "/root/activities/0/type"),
            ("elsa-samples/AspNet.DynamicActivityProvider/create-user-workflow.json", WorkflowDiagnostics.UnknownActivityType, "'Elsa.WriteHttpResponse' of 'WriteHttpResponse1' is not supported", "/root/activities/1/type"),
            ("elsa-samples/AspNet.DynamicActivityProvider/create-user-workflow.json", WorkflowDiagnostics.UnknownActivityType, "'Demo.Reqres.CreateUser' of 'CreateUser1' is not supported", "/root/activities/2/type"),
        ],
        ["elsa-samples/AspNet.DynamicActivityProvider/get-all-users-workflow.json"] =
        [
            ("elsa-samples/AspNet.DynamicActivityProvider/get-all-users-workflow.json", WorkflowDiagnostics.UnknownActivityType, "'Elsa.HttpEndpoint' of 'HttpEndpoint1' is not supported", "/root/activities/0/type"),
            ("elsa-samples/AspNet.DynamicActivityProvider/get-all-users-workflow.json", WorkflowDiagnostics.UnknownActivityType, "'Elsa.WriteHttpResponse' of 'WriteHttpResponse1' is not supported", "/root/activities/1/type"),
            ("elsa-samples/AspNet.DynamicActivityProvider/get-all-users-workflow.json", WorkflowDiagnostics.UnknownActivityType, "'Demo.Reqres.GetUsers' of 'GetUsers1' is not supported", "/root/activities/3/type"),
        ],
        ["elsa-samples/AspNet.DynamicActivityProvider/get-user-workflow.json"] =
        [
            ("elsa-samples/AspNet.DynamicActivityProvider/get-user-workflow.json", WorkflowDiagnostics.UnknownActivityType, "'Elsa.HttpEndpoint' of 'HttpEndpoint1' is not supported", "/root/activities/0/type"),
            ("elsa-samples/AspNet.DynamicActivityProvider/get-user-workflow.json", WorkflowDiagnostics.UnknownActivityType, "'Demo.Reqres.GetUser' of 'GetUser1' is not supported", "/root/activities/2/type"),
            ("elsa-samples/AspNet.DynamicActivityProvider/get-user-workflow.json", WorkflowDiagnostics.UnknownActivityType, "'Elsa.WriteHttpResponse' of 'WriteHttpResponse1' is not supported", "/root/activities/3/type"),
        ],
        ["elsa-samples/AspNet.JsonWorkflowProvider/HelloWorldHttp.json"] =
        [
            ("elsa-samples/AspNet.JsonWorkflowProvider/HelloWorldHttp.json", WorkflowDiagnostics.UnknownActivityType, "'Elsa.HttpEndpoint' of 'HttpEndpoint1' is not supported", "/root/activities/0/type"),
            ("elsa-samples/AspNet.JsonWorkflowProvider/HelloWorldHttp.json", WorkflowDiagnostics.UnknownActivityType, "'Elsa.WriteHttpResponse' of 'WriteHttpResponse1' is not supported", "/root/activities/2/type"),
        ],
        ["elsa-samples/AspNet.JsonWorkflowProvider/main.json"] =
        [
            ("elsa-samples/AspNet.JsonWorkflowProvider/main.json", WorkflowDiagnostics.UnknownActivityType, "'Elsa.HttpEndpoint' of 'HttpEndpoint1' is not supported", "/root/activities/0/type"),
            ("elsa-samples/AspNet.JsonWorkflowProvider/main.json", WorkflowDiagnostics.UnknownActivityType, "'Elsa.WriteHttpResponse' of 'WriteHttpResponse1' is not supported", "/root/activities/1/type"),
        ],
        ["elsa-samples/AspNet.WorkflowInvocation/get-product.json"] =
            [("elsa-samples/AspNet.WorkflowInvocation/get-product.json", WorkflowDiagnostics.UnknownActivityType, "'Elsa.FlowSendHttpRequest' of 'c111e05285028b61' is not supported " + Http, "/root/activities/0/type")],
    };

    /// <summary>Files that compile with warnings, each with every warning it gets: (code, pointer).</summary>
    private static readonly Dictionary<string, (string Code, string Pointer)[]> Warned = new()
    {
        // The guide starts the workflow with an input it never declares; Elsa reads it anyway, here a read of an undeclared input is flagged.
        ["elsa-guides/external-app-interaction/employee-onboarding.json"] = [(WorkflowDiagnostics.UndeclaredInput, "/root/activities/1/value/expression/value")],
    };

    public static TheoryData<string> Files() => [.. AllFiles()];

    [Fact]
    public void Every_workflow_file_of_elsas_repositories_is_in_the_suite()
    {
        Assert.Equal(FilesPerRepository, AllFiles().CountBy(f => f[..f.IndexOf('/')]).ToDictionary());
        Assert.All(Refused.Keys.Concat(Warned.Keys), file => Assert.Contains(file, AllFiles()));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void An_elsa_file_compiles_as_it_is_or_is_refused_by_name_where_it_stands(string file)
    {
        var result = Compile(file);

        if (!Refused.TryGetValue(file, out var expected))
        {
            Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics));
            var warnings = result.Diagnostics.Where(d => d.Severity == Dvc.Engine.Core.Definitions.DiagnosticSeverity.Warning).Select(d => (d.Code, d.JsonPointer));
            Assert.Equal(Warned.GetValueOrDefault(file, []), warnings);
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
    [
        .. FilesPerRepository.Keys
            .SelectMany(repository => Directory.GetFiles(Path.Combine(Root(), repository), "*.json", SearchOption.AllDirectories))
            .Select(f => Path.GetRelativePath(Root(), f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal),
    ];

    private static string Root() => WorkflowTestKit.ConformanceDirectory();
}
