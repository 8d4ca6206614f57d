using System.Text.Json.Nodes;
using Dvc.Engine.Core.Definitions;
using Dvc.Engine.Core.Templates;
using Dvc.Engine.Core.Tests.Fixtures;

namespace Dvc.Engine.Core.Tests.Definitions;

/// <summary>A citizen can send anything; every runtime call answers with data (errors, failed rules), never an exception.</summary>
public sealed class CompiledProcedureTests : IDisposable
{
    private static readonly JsonNode?[] Values =
    [
        null, 0, -1, 1, 3, 1e30, 2.5, true, false, "", " ", "khan", "post", "2008-03-02", "02/03/2008", "9999-12-31", "0001-01-01",
        "001095012345", new string('x', 5000), new JsonArray(), new JsonArray(1, "a"), new JsonObject(), new JsonObject { ["vi"] = "x" },
    ];

    private static readonly string[] Pointers =
    [
        "/applicant", "/applicant/fullName", "/applicant/birthDate", "/applicant/citizenId", "/applicant/phone", "/applicant/email",
        "/permitType", "/copies", "/delivery", "/postalAddress", "/unknown",
    ];

    private readonly FixtureCatalog _catalog = new();
    private readonly CompiledProcedure _procedure;

    public CompiledProcedureTests() => _procedure = _catalog.CompileValid();

    public void Dispose() => _catalog.Dispose();

    [Theory]
    [InlineData("eligibility", "du-18-tuoi", "Người đề nghị phải đủ 18 tuổi trở lên.")]
    [InlineData("fees", "le-phi", "Lệ phí cấp giấy phép")]
    [InlineData("checklist", "tu-60-tuoi-kham-suc-khoe", "Người từ 60 tuổi nộp giấy khám sức khỏe.")]
    public void A_rule_without_a_title_is_called_by_its_reason_label_or_note(string workflow, string rule, string vietnamese)
    {
        var description = _procedure.RuleTitle(workflow, rule);

        Assert.Equal(vietnamese, description?.Get("vi"));
    }

    [Fact]
    public void An_unknown_rule_has_no_title() => Assert.Null(_procedure.RuleTitle("fees", "khong-co"));

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 20)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Any_submission_gets_answers_not_exceptions(int seed)
    {
        var random = new Random(seed);
        var data = JsonNode.Parse("""{ "applicant": { "fullName": "Nguyễn Văn An", "birthDate": "1995-06-15", "citizenId": "001095012345" }, "permitType": "thuong", "copies": 1, "delivery": "counter" }""")!.AsObject();
        for (var i = 0; i < 4; i++)
        {
            var pointer = Pointers[random.Next(Pointers.Length)];
            JsonPointer.TryNavigate(data, JsonPointer.Parent(pointer), out var parent);
            if (parent is JsonObject obj)
            {
                obj[JsonPointer.Parse(pointer)![^1]] = Values[random.Next(Values.Length)]?.DeepClone();
            }
        }

        var day = new DateOnly(2026, 3, 2);
        var validation = _procedure.ValidateSubmission(data, "en");
        var eligibility = _procedure.EvaluateEligibility(data, day);
        var fee = _procedure.ComputeFee(data, day);
        var checklist = _procedure.Checklist(data, day);
        var rendered = _procedure.Render("result", new TemplateModel(data, new JsonObject { ["fee"] = fee.Total }, day));

        Assert.All(validation.Errors, e => Assert.StartsWith("/", e.Pointer, StringComparison.Ordinal));
        Assert.Equal(eligibility.FailedRules.Count == 0, eligibility.Eligible);
        Assert.True(fee.Total >= 135000);
        Assert.Contains("can-cuoc", checklist.AttachmentIds);
        Assert.True(rendered.Success || rendered.Error is not null);
    }

    [Fact]
    public void The_form_of_a_compiled_procedure_is_the_schema_after_refs_are_inlined()
    {
        Assert.Equal("Họ và tên", _procedure.Form.Schema["properties"]!["applicant"]!["properties"]!["fullName"]!["x-ui"]!["label"]!["vi"]!.GetValue<string>());
    }
}
