using System.Text.Json.Nodes;
using Dvc.Engine.Core.Workflows.Runtime;

namespace Dvc.Engine.Core.Tests.Workflows;

/// <summary>
/// Workflow files of elsa-guides @21944a65 and elsa-samples @fc51e882 (Conformance/README.md), run as the guide or sample
/// that ships them says they run. Elsa has no test of these files; the guide's text is the expectation.
/// </summary>
public sealed class ElsaGuidesAndSamplesTests
{
    [Theory]
    [InlineData("elsa-guides", "loading-workflows-from-json")]
    [InlineData("elsa-samples", "ConsoleApp.JsonWorkflows")]
    [InlineData("elsa-samples", "AspNet.JsonWorkflowProvider")]
    public async Task The_hello_world_json_of_the_guides_and_samples_prints_hello_world(string repository, string folder)
    {
        var workflow = WorkflowTestKit.CompileElsa(folder, "HelloWorld.json", repository: repository);

        var result = await WorkflowTestKit.RunUntilEndAsync(workflow);

        Assert.Equal(WorkflowStatus.Finished, result.Status);
        Assert.Equal(["Hello World!"], result.State.LogLines);
    }

    [Fact]
    public async Task Employee_onboarding_waits_for_the_email_account_then_for_three_tasks_at_once()
    {
        var workflow = WorkflowTestKit.CompileElsa("external-app-interaction", "employee-onboarding.json", repository: "elsa-guides");
        var interpreter = WorkflowTestKit.Interpreter();

        var started = await interpreter.StartAsync(workflow, WorkflowTestKit.Dossier(), input: new JsonObject { ["Employee"] = new JsonObject { ["Name"] = "Nguyễn Văn An" } });
        var email = Assert.Single(started.Bookmarks);
        var afterEmail = await interpreter.ResumeAsync(workflow, started.State, email.Id, null);
        var result = afterEmail;
        foreach (var task in afterEmail.Bookmarks.ToList())
        {
            result = await interpreter.ResumeAsync(workflow, result.State, task.Id, null);
        }

        Assert.Equal("Create Email Account", email.Key);
        Assert.Equal(["Add to HR System", "Create GitHub Account", "Create Slack Account"], afterEmail.Bookmarks.Select(b => b.Key).Order(StringComparer.Ordinal));
        Assert.Equal(WorkflowStatus.Finished, result.Status);
    }

    [Fact]
    public async Task The_child_of_the_dispatch_guide_writes_its_line_and_sets_its_response_output()
    {
        var workflow = WorkflowTestKit.CompileElsa("dispatching-child-workflows", "child-workflow.json", repository: "elsa-guides");

        var result = await WorkflowTestKit.RunUntilEndAsync(workflow);

        Assert.Equal(WorkflowStatus.Finished, result.Status);
        Assert.Equal(["Hello from Child"], result.State.LogLines);
        Assert.Equal("Hello from Child", result.State.Outputs["Response"]!.GetValue<string>());
    }
}
