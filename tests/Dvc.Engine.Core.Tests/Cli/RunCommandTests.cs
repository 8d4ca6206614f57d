using System.CommandLine;
using Dvc.Engine.Cli.Commands;
using Dvc.Engine.Core.Tests.Fixtures;
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
    public async Task A_waiting_point_prints_its_deadline_in_hanoi_time_with_the_declared_period_and_unit()
    {
        var file = Write("wait.json", """
            { "root": { "id": "r", "type": "Elsa.Flowchart", "activities": [
              { "id": "supplement", "type": "Dvc.WaitForSupplement",
                "days": { "typeName": "Double", "expression": { "type": "Literal", "value": 5 } },
                "daysUnit": { "typeName": "String", "expression": { "type": "Literal", "value": "WorkingDays" } } } ] } }
            """);

        var (exitCode, output) = await Run(file);

        Assert.Equal(2, exitCode);
        Assert.Matches(@"hạn / due trước 24:00 ngày \d{2}/\d{2}/\d{4} / by 24:00 on \d{2}/\d{2}/\d{4} \(5 ngày làm việc / working days, giờ Hà Nội / Hanoi time\)", output);
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
    public async Task A_shipped_procedure_folder_runs_with_its_own_rules_and_templates()
    {
        var procedure = Path.Combine(Repository.Definitions(), "procedures", "HN-TP-003");
        var input = Write("data.json", """
            { "applicant": { "fullName": "Hoàng Thị Ngọc Anh", "birthDate": "1988-09-09", "sex": "nu", "citizenId": "001188009876",
                             "phone": "0978123456", "permanentAddress": { "province": "Thành phố Hà Nội", "unitSystem": "hn-2020",
                             "district": "Quận Cầu Giấy", "ward": "Phường Dịch Vọng Hậu", "street": "Số 8 ngõ 165 Xuân Thủy" } },
              "requesterRole": "ban-than", "eventType": "khai-sinh",
              "subject": { "fullName": "Hoàng Thị Ngọc Anh", "birthDate": "1988-09-09", "citizenId": "001188009876" },
              "registration": { "registrationOffice": "UBND phường Hàng Bạc", "registrationDate": "1988-09-30", "registerNumber": "215" },
              "copies": 3, "usePurpose": "Thừa kế", "deliveryMethod": "post", "commitment": true }
            """);
        var steps = Write("steps.json", """
            [ { "task": "reception", "outcome": "Accept" }, { "payment": "Paid" }, { "task": "processing", "outcome": "Submit" },
              { "task": "approval", "outcome": "Approve" }, { "task": "dispatch", "outcome": "Delivered" } ]
            """);

        var (exitCode, output) = await Run(procedure, "--input", input, "--steps", steps);

        Assert.Equal(0, exitCode);
        Assert.Contains("số tiền / amount 24000 VND", output, StringComparison.Ordinal);
        Assert.Contains("✓ approval (Dvc.HumanTask) → Approve", output, StringComparison.Ordinal);
        Assert.Contains("✓ Hoàn tất / finished", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plugin_activity_runs_when_its_folder_is_given_and_is_unknown_without_it()
    {
        var plugins = Directory.CreateDirectory(Path.Combine(_folder, "plugins")).FullName;
        Repository.CopySamplePlugin(plugins);
        var workflow = Write("stamp.json", """
            { "root": { "id": "root", "type": "Elsa.Flowchart", "activities": [
                { "id": "stamp", "type": "Sample.Stamp", "version": 1, "stampText": { "typeName": "String", "expression": { "type": "Literal", "value": "ĐÃ DUYỆT" } } } ] } }
            """);

        var (withPlugins, output) = await Run(workflow, "--plugins", plugins);
        var (withoutPlugins, diagnostics) = await Run(workflow);

        Assert.Equal(0, withPlugins);
        Assert.Contains("✓ stamp (Sample.Stamp) → Stamped", output, StringComparison.Ordinal);
        Assert.Equal(3, withoutPlugins);
        Assert.Contains("DVC-WF-003", diagnostics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plain_workflow_file_runs_and_prints_its_log()
    {
        var (exitCode, output) = await Run(Path.Combine(WorkflowTestKit.ConformanceDirectory(), "join-wait-all.json"));

        Assert.Equal(0, exitCode);
        Assert.Contains("      End", output, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>The approval workflow as a bare workflow file (no procedure around it: every rules workflow passes).</summary>
    private string WriteProcedure()
    {
        var file = Path.Combine(_folder, "workflow.json");
        File.Copy(Path.Combine(WorkflowTestKit.ConformanceDirectory(), "dvc-approval.json"), file);
        return file;
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
