using System.CommandLine;
using Dvc.Engine.Cli.Commands;
using Dvc.Engine.Core.Tests.Workflows;

namespace Dvc.Engine.Core.Tests.Cli;

public sealed class RunCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dvc-run-").FullName;

    [Fact]
    public async Task A_procedure_folder_runs_to_the_end_when_the_steps_answer_every_wait()
    {
        var procedure = WriteProcedure();
        var input = Write("data.json", """{ "name": "Nguyễn Văn An", "age": 30 }""");
        var steps = Write("steps.json", """
            [ { "task": "reception", "outcome": "Approve", "comment": "Đủ hồ sơ" },
              { "payment": "Paid", "transactionId": "TX-9" },
              { "task": "approve", "outcome": "Approve" } ]
            """);

        var (exitCode, output) = await Run(procedure, "--input", input, "--steps", steps, "--fee", "135000");

        Assert.Equal(0, exitCode);
        Assert.Contains("⏸ chờ / waiting: reception (Dvc.HumanTask)", output, StringComparison.Ordinal);
        Assert.Contains("✓ reception (Dvc.HumanTask) → Approve", output, StringComparison.Ordinal);
        Assert.Contains("số tiền / amount 135000 VND", output, StringComparison.Ordinal);
        Assert.Contains("Hoàn tất RUN-", output, StringComparison.Ordinal);
        Assert.Contains("✓ Hoàn tất / finished", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Running_out_of_steps_leaves_the_workflow_waiting_with_exit_code_2()
    {
        var procedure = WriteProcedure();
        var steps = Write("steps.json", """[ { "task": "reception", "outcome": "RequestSupplement", "comment": "Thiếu ảnh" } ]""");

        var (exitCode, output) = await Run(procedure, "--steps", steps, "--input", Write("data.json", """{ "age": 30 }"""));

        Assert.Equal(2, exitCode);
        Assert.Contains("⏸ chờ / waiting: supplement (Dvc.WaitForSupplement)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_timer_step_lets_a_supplement_request_expire()
    {
        var procedure = WriteProcedure();
        var steps = Write("steps.json", """[ { "task": "reception", "outcome": "RequestSupplement" }, { "timer": true } ]""");

        var (exitCode, output) = await Run(procedure, "--steps", steps, "--input", Write("data.json", """{ "age": 30 }"""));

        Assert.Equal(0, exitCode);
        Assert.Contains("✓ supplement (Dvc.WaitForSupplement) → Expired", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_step_that_matches_no_wait_is_exit_code_5()
    {
        var procedure = WriteProcedure();
        var steps = Write("steps.json", """[ { "payment": "Paid" } ]""");

        var (exitCode, _) = await Run(procedure, "--steps", steps);

        Assert.Equal(5, exitCode);
    }

    [Fact]
    public async Task A_workflow_that_does_not_compile_prints_its_diagnostics_and_exits_3()
    {
        var file = Write("bad.json", """{ "root": { "id": "r", "type": "Elsa.Flowchart", "activities": [ { "id": "x", "type": "Elsa.HttpEndpoint" } ] } }""");

        var (exitCode, output) = await Run(file);

        Assert.Equal(3, exitCode);
        Assert.Contains("DVC-WF-003", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plain_workflow_file_runs_and_prints_its_log()
    {
        var (exitCode, output) = await Run(Path.Combine(WorkflowTestKit.ConformanceDirectory(), "join-wait-all.json"));

        Assert.Equal(0, exitCode);
        Assert.Contains("      End", output, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string WriteProcedure()
    {
        var procedure = Directory.CreateDirectory(Path.Combine(_folder, "HN-TP-001")).FullName;
        File.Copy(Path.Combine(WorkflowTestKit.ConformanceDirectory(), "dvc-approval.json"), Path.Combine(procedure, "workflow.json"));
        File.WriteAllText(Path.Combine(procedure, "procedure.json"), """
            { "code": "HN-TP-001", "roles": [ { "id": "chuyen-vien", "name": { "vi": "Chuyên viên" } }, { "id": "lanh-dao", "name": { "vi": "Lãnh đạo" } } ],
              "parts": { "workflow": "workflow.json" } }
            """);
        return procedure;
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static async Task<(int ExitCode, string Output)> Run(params string[] args)
    {
        using var output = new StringWriter();
        var exitCode = await RunCommand.Create().Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = output });
        return (exitCode, output.ToString());
    }
}
