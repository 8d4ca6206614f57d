using System.Globalization;
using System.Text.Json.Nodes;
using Dvc.Engine.Core.Calendar;
using Dvc.Engine.Core.Forms;
using Dvc.Engine.Core.Workflows;

namespace Dvc.Engine.Core.Definitions.Testing;

/// <summary>Reads test cases (one object or an array a file) and cross-checks them against the form, rules, attachments and templates.</summary>
internal static class ProcedureTestReader
{
    /// <summary>When a case gives no <c>submittedOn</c>: Monday 05/01/2026; a date without a time means 09:00 Hanoi time.</summary>
    private static readonly DateOnly DefaultSubmissionDay = new(2026, 1, 5);

    private static readonly TimeOnly DefaultSubmissionTime = new(9, 0);

    private static readonly HashSet<string> CaseKeys = new(StringComparer.Ordinal) { "name", "description", "submittedOn", "input", "expect", "steps", "$comment" };

    private static readonly HashSet<string> ExpectKeys = new(StringComparer.Ordinal)
    {
        "valid", "errors", "eligible", "failedRules", "fee", "checklist", "rendered", "workflowPath", "steps", "legalDeadline", "$comment",
    };

    public static List<ProcedureTestCase> Read(
        ResolvedJson file,
        FormDefinition? form,
        ProcedureManifest manifest,
        IReadOnlyCollection<string>? eligibilityRules,
        CompiledWorkflow? workflow,
        ICollection<Diagnostic> diagnostics)
    {
        var cases = new List<ProcedureTestCase>();
        var items = file.Root switch
        {
            JsonArray array => array.Select((node, i) => (node, "/" + i.ToString(CultureInfo.InvariantCulture))).ToList(),
            _ => [(file.Root, string.Empty)],
        };

        foreach (var (node, pointer) in items)
        {
            if (Read(node, pointer, file, form, manifest, eligibilityRules, workflow, diagnostics) is { } testCase)
            {
                cases.Add(testCase);
            }
        }

        return cases;
    }

    private static ProcedureTestCase? Read(
        JsonNode? node,
        string pointer,
        ResolvedJson file,
        FormDefinition? form,
        ProcedureManifest manifest,
        IReadOnlyCollection<string>? eligibilityRules,
        CompiledWorkflow? workflow,
        ICollection<Diagnostic> diagnostics)
    {
        void Error(string at, string code, string message) => diagnostics.Add(file.Locate(at).Error(code, message));

        if (node is not JsonObject obj || !JsonValues.TryGetString(obj["name"], out var name) || obj["input"] is not JsonObject input)
        {
            Error(pointer, ProcedureTestDiagnostics.Malformed, "A test case needs \"name\" (text) and \"input\" (the submission object).");
            return null;
        }

        var submittedAt = HanoiTime(DefaultSubmissionDay, DefaultSubmissionTime);
        if (obj["submittedOn"] is { } dateNode)
        {
            if (LocalMoment(dateNode) is not { } moment)
            {
                Error(pointer + "/submittedOn", ProcedureTestDiagnostics.Malformed, "\"submittedOn\" must be a date written yyyy-MM-dd, or a date and Hanoi time yyyy-MM-ddTHH:mm.");
                return null;
            }

            submittedAt = HanoiTime(moment.Date, moment.Time ?? DefaultSubmissionTime);
        }

        if (form is not null)
        {
            CheckInput(form.Root, input, pointer + "/input", Error);
        }

        var expect = obj["expect"] as JsonObject ?? [];
        var expectPointer = pointer + "/expect";
        foreach (var (key, at) in obj.Where(p => !CaseKeys.Contains(p.Key)).Select(p => (p.Key, pointer))
            .Concat(expect.Where(p => !ExpectKeys.Contains(p.Key)).Select(p => (p.Key, expectPointer))))
        {
            diagnostics.Add(file.Locate(JsonPointer.Append(at, key)).Warning(
                ProcedureTestDiagnostics.UnknownKey,
                $"'{key}' is not a test-case key, so nothing checks it (known: {string.Join(", ", (at == pointer ? CaseKeys : ExpectKeys).Order(StringComparer.Ordinal))})."));
        }

        var errors = Strings(expect["errors"]);
        if (errors is not null && form is not null)
        {
            for (var i = 0; i < errors.Count; i++)
            {
                if (form.Find(errors[i]) is null)
                {
                    Error($"{expectPointer}/errors/{i}", ProcedureTestDiagnostics.UnknownErrorField, $"'{errors[i]}' is not a field of the form.");
                }
            }
        }

        var failedRules = Strings(expect["failedRules"]);
        if (failedRules is not null && eligibilityRules is not null)
        {
            for (var i = 0; i < failedRules.Count; i++)
            {
                if (!eligibilityRules.Contains(failedRules[i]))
                {
                    Error($"{expectPointer}/failedRules/{i}", ProcedureTestDiagnostics.UnknownRule, $"'{failedRules[i]}' is not a rule of the eligibility workflow (rules: {string.Join(", ", eligibilityRules)}).");
                }
            }
        }

        var checklist = Strings(expect["checklist"]);
        if (checklist is not null)
        {
            for (var i = 0; i < checklist.Count; i++)
            {
                if (manifest.FindAttachment(checklist[i]) is null)
                {
                    Error($"{expectPointer}/checklist/{i}", ProcedureTestDiagnostics.UnknownAttachment, $"'{checklist[i]}' is not an attachment of procedure.json.");
                }
            }
        }

        Dictionary<string, IReadOnlyList<string>>? rendered = null;
        if (expect["rendered"] is JsonObject renderedObject)
        {
            rendered = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            foreach (var (template, fragments) in renderedObject)
            {
                if (!manifest.Parts.Templates.ContainsKey(template))
                {
                    Error(JsonPointer.Append(expectPointer + "/rendered", template), ProcedureTestDiagnostics.UnknownTemplate, $"'{template}' is not a template of procedure.json (templates: {string.Join(", ", manifest.Parts.Templates.Keys)}).");
                }

                rendered[template] = Strings(fragments) ?? (JsonValues.TryGetString(fragments, out var single) ? [single] : []);
            }
        }

        string? legalDeadline = null;
        if (expect["legalDeadline"] is { } deadlineNode)
        {
            if (LocalMoment(deadlineNode) is null)
            {
                Error(expectPointer + "/legalDeadline", ProcedureTestDiagnostics.Malformed, "\"legalDeadline\" must be a date written yyyy-MM-dd, or a date and Hanoi time yyyy-MM-ddTHH:mm.");
            }
            else
            {
                legalDeadline = deadlineNode.GetValue<string>();
            }
        }

        var (steps, stepsPointer) = obj["steps"] is JsonArray caseSteps ? (caseSteps, pointer + "/steps") : (expect["steps"] as JsonArray, expectPointer + "/steps");
        var workflowPath = Strings(expect["workflowPath"]);
        if (workflow is not null)
        {
            CheckSteps(steps, stepsPointer, workflow, Error);
            for (var i = 0; i < (workflowPath?.Count ?? 0); i++)
            {
                if (workflow.ActivityType(workflowPath![i]) is null)
                {
                    Error($"{expectPointer}/workflowPath/{i}", ProcedureTestDiagnostics.UnknownActivity, $"'{workflowPath[i]}' is not an activity of the workflow.");
                }
            }
        }

        long? fee = JsonValues.TryGetDecimal(expect["fee"], out var feeValue) ? (long)feeValue : null;
        var expectation = new ProcedureTestExpectation(
            JsonValues.TryGetBoolean(expect["valid"], out var valid) ? valid : null,
            errors,
            JsonValues.TryGetBoolean(expect["eligible"], out var eligible) ? eligible : null,
            failedRules,
            fee,
            checklist,
            rendered,
            workflowPath,
            steps,
            legalDeadline);
        return new ProcedureTestCase(name, file.File, pointer, submittedAt, input, expectation, obj);
    }

    /// <summary>A step's <c>task</c> must be an activity of the workflow, and its <c>outcome</c> one that activity can give.</summary>
    private static void CheckSteps(JsonArray? steps, string stepsPointer, CompiledWorkflow workflow, Action<string, string, string> error)
    {
        for (var i = 0; i < (steps?.Count ?? 0); i++)
        {
            if (steps![i] is not JsonObject step || !JsonValues.TryGetString(step["task"], out var task))
            {
                continue;
            }

            var stepPointer = JsonPointer.Append(stepsPointer, i);
            if (workflow.ActivityType(task) is null)
            {
                var waiting = workflow.ActivityIds.Where(id => workflow.ActivityType(id) is "Dvc.HumanTask" or "Dvc.RequestPayment" or "Dvc.WaitForSupplement");
                error(stepPointer + "/task", ProcedureTestDiagnostics.UnknownStep, $"The step names task '{task}', which is not an activity of the workflow (tasks: {string.Join(", ", waiting)}).");
            }
            else if (JsonValues.TryGetString(step["outcome"], out var outcome) && workflow.OutcomesOf(task) is { Count: > 0 } outcomes && !outcomes.Contains(outcome, StringComparer.Ordinal))
            {
                error(stepPointer + "/outcome", ProcedureTestDiagnostics.UnknownStep, $"Task '{task}' has no outcome '{outcome}'; it can complete with: {string.Join(", ", outcomes)}.");
            }
        }
    }

    /// <summary>Hanoi-local <c>yyyy-MM-dd</c> or <c>yyyy-MM-ddTHH:mm</c>; null when it is neither.</summary>
    internal static (DateOnly Date, TimeOnly? Time)? LocalMoment(JsonNode? node)
    {
        if (!JsonValues.TryGetString(node, out var text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return (date, null);
        }

        return DateTime.TryParseExact(text, "yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var moment)
            ? (DateOnly.FromDateTime(moment), TimeOnly.FromDateTime(moment))
            : null;
    }

    private static DateTimeOffset HanoiTime(DateOnly date, TimeOnly time) => new(date.ToDateTime(time), WorkingCalendar.UtcOffset);

    private static void CheckInput(FormField field, JsonNode? value, string pointer, Action<string, string, string> error)
    {
        switch (value)
        {
            case JsonObject obj when field.Type == FormFieldType.Object:
                foreach (var (key, child) in obj)
                {
                    var childField = field.FindProperty(key);
                    var childPointer = JsonPointer.Append(pointer, key);
                    if (childField is null)
                    {
                        error(childPointer, ProcedureTestDiagnostics.UnknownInputField, $"The test input has '{key}', which is not a field of the form{(field.DataPointer.Length > 0 ? $" at '{field.DataPointer}'" : string.Empty)}.");
                    }
                    else
                    {
                        CheckInput(childField, child, childPointer, error);
                    }
                }

                break;
            case JsonArray array when field.Type == FormFieldType.Array && field.Items is not null:
                for (var i = 0; i < array.Count; i++)
                {
                    CheckInput(field.Items, array[i], JsonPointer.Append(pointer, i), error);
                }

                break;
        }
    }

    private static List<string>? Strings(JsonNode? node) =>
        node is JsonArray array ? array.Select(n => JsonValues.TryGetString(n, out var s) ? s : n?.ToJsonString() ?? "null").ToList() : null;
}
