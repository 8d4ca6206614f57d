using System.Globalization;
using System.Text.Json.Nodes;
using Dvc.Engine.Core.Calendar;
using Dvc.Engine.Core.Forms;
using Dvc.Engine.Core.Rules;
using Dvc.Engine.Core.Templates;

using Dvc.Engine.Core.Workflows;

namespace Dvc.Engine.Core.Definitions;

/// <summary>
/// One procedure version, compiled: the manifest, the form, the rules (registered in a shared <see cref="RuleEngineHost"/>),
/// the parsed templates and the compiled workflow (opaque here). Immutable and safe to share between requests.
/// </summary>
public sealed class CompiledProcedure
{
    private readonly RuleEngineHost _rules;
    private readonly RuleInputType _inputType;
    private readonly TemplateLimits _templateLimits;
    private readonly TimeProvider _clock;

    internal CompiledProcedure(
        ProcedureManifest manifest,
        string folder,
        string contentHash,
        FormDefinition form,
        CompiledRuleSet ruleSet,
        RuleInputType inputType,
        IReadOnlyDictionary<string, CompiledTemplate> templates,
        ReadOnlyMemory<byte> workflowJson,
        CompiledWorkflow? workflow,
        Agencies.ProcedureRouting routing,
        RuleEngineHost rules,
        TemplateLimits templateLimits,
        TimeProvider clock)
    {
        Manifest = manifest;
        Folder = folder;
        ContentHash = contentHash;
        Form = form;
        RuleSet = ruleSet;
        _inputType = inputType;
        Templates = templates;
        WorkflowJson = workflowJson;
        Workflow = workflow;
        Routing = routing;
        _rules = rules;
        _templateLimits = templateLimits;
        _clock = clock;
    }

    public string Code => Manifest.Code;

    public string Version => Manifest.Version;

    /// <summary>SHA-256 (hex) of every part after $ref inlining: two folders with equal content give equal hashes.</summary>
    public string ContentHash { get; }

    /// <summary>The procedure folder relative to the catalog root.</summary>
    public string Folder { get; }

    public ProcedureManifest Manifest { get; }

    public FormDefinition Form { get; }

    public CompiledRuleSet RuleSet { get; }

    public IReadOnlyDictionary<string, CompiledTemplate> Templates { get; }

    /// <summary>workflow.json as given to the workflow compiler.</summary>
    public ReadOnlyMemory<byte> WorkflowJson { get; }

    /// <summary>The compiled Elsa workflow; null only when the procedure declares no workflow part.</summary>
    public CompiledWorkflow? Workflow { get; }

    /// <summary>Where dossiers of this version go: the handling agency and the agencies of hand-over tasks.</summary>
    public Agencies.ProcedureRouting Routing { get; }

    /// <summary>
    /// Validates a submission; errors are keyed by JSON pointer and carry vi and en text (<paramref name="culture"/> picks
    /// the default). A submission from which no handling agency can be chosen is an error at the field that decides it.
    /// </summary>
    /// <param name="submittedOn">The day it is sent, for the form's <c>$submittedOn</c> checks (a document issued in 2099); null skips them.</param>
    public FormValidationResult ValidateSubmission(JsonObject data, string culture = "vi", DateOnly? submittedOn = null)
    {
        var result = FormValidator.Validate(Form, data, culture, submittedOn);
        return Routing.Handling.Resolve(data).Error is { } error && !result.Errors.Any(e => e.Pointer == error.Pointer)
            ? result with { Errors = [.. result.Errors, error] }
            : result;
    }

    public FormValidationResult ValidateSubmission(JsonObject data, CultureInfo culture, DateOnly? submittedOn = null) => ValidateSubmission(data, culture.Name, submittedOn);

    /// <summary>Runs the <c>eligibility</c> workflow as of <paramref name="submittedOn"/>; eligible when every rule holds (or there are none).</summary>
    public EligibilityResult EvaluateEligibility(JsonObject data, DateOnly submittedOn)
    {
        var outcomes = Run(RulesCompiler.Eligibility, data, submittedOn, out var trace);
        var failed = outcomes.Where(o => !o.Success)
            .Select(o => new FailedRule(o.Rule.Name, o.Rule.Reason ?? LocalizedText.Both(o.Rule.Name), o.Error))
            .ToArray();
        return new EligibilityResult(failed.Length == 0, failed, trace);
    }

    /// <summary>Runs the <c>fees</c> workflow: every rule that holds adds its amount; the total is whole VND.</summary>
    public FeeResult ComputeFee(JsonObject data, DateOnly submittedOn)
    {
        var outcomes = Run(RulesCompiler.Fees, data, submittedOn, out var trace);
        var lines = outcomes.Where(o => o.Success && o.Amount is not null)
            .Select(o => new FeeLine(o.Rule.Name, o.Rule.Label ?? LocalizedText.Both(o.Rule.Name), (long)Math.Round(o.Amount!.Value, 0, MidpointRounding.AwayFromZero)))
            .ToArray();
        var errors = outcomes.Where(o => o.Error is not null)
            .Select(o => new FailedRule(o.Rule.Name, o.Rule.Label ?? LocalizedText.Both(o.Rule.Name), o.Error))
            .ToArray();
        return new FeeResult(lines.Sum(l => l.Amount), lines, trace, errors);
    }

    /// <summary>The attachments this applicant must upload: those marked required plus those a <c>checklist</c> rule makes required.</summary>
    public ChecklistResult Checklist(JsonObject data, DateOnly submittedOn)
    {
        var outcomes = Run(RulesCompiler.Checklist, data, submittedOn, out var trace);
        var triggered = outcomes.Where(o => o.Success && o.Rule.Attachment is not null).GroupBy(o => o.Rule.Attachment!).ToDictionary(g => g.Key, g => g.First());
        var items = Manifest.Attachments
            .Where(a => a.Required || triggered.ContainsKey(a.Id))
            .Select(a => triggered.TryGetValue(a.Id, out var o) && !a.Required ? new ChecklistItem(a, o.Rule.Name, o.Rule.Note) : new ChecklistItem(a))
            .ToArray();
        return new ChecklistResult(items, trace);
    }

    /// <summary>Runs any other rules workflow by name (for <c>Dvc.EvaluateRules</c>); an unknown name passes with no rules.</summary>
    public RuleWorkflowResult EvaluateRules(string workflowName, JsonObject data, DateOnly submittedOn)
    {
        var outcomes = Run(workflowName, data, submittedOn, out var trace);
        return new RuleWorkflowResult(
            workflowName,
            outcomes.All(o => o.Success),
            [.. outcomes.Where(o => o.Success).Select(o => o.Rule.Name)],
            [.. outcomes.Where(o => !o.Success).Select(o => o.Rule.Name)],
            trace);
    }

    /// <summary>Eligibility, fee and checklist in one go, with one trace covering all three (what a dossier stores).</summary>
    public (EligibilityResult Eligibility, FeeResult Fee, ChecklistResult Checklist, DecisionTrace Trace) Decide(JsonObject data, DateOnly submittedOn)
    {
        var eligibility = EvaluateEligibility(data, submittedOn);
        var fee = ComputeFee(data, submittedOn);
        var checklist = Checklist(data, submittedOn);
        return (eligibility, fee, checklist, eligibility.Trace.Concat(fee.Trace).Concat(checklist.Trace));
    }

    /// <summary>
    /// The legal deadline of a dossier submitted at <paramref name="submittedAt"/>: the manifest's <c>processingDays</c> in
    /// working days of <paramref name="calendar"/> (weekends, public holidays and Tết do not count), as the receipt promises it.
    /// </summary>
    public DateTimeOffset LegalDeadline(DateTimeOffset submittedAt, WorkingCalendar calendar) =>
        calendar.AddWorkingDays(submittedAt, Manifest.ProcessingDays);

    /// <summary>
    /// What a decision trace calls a rule: its <c>Properties.title</c>, else what it means in its workflow (an
    /// eligibility rule's requirement, a fee line's label, a checklist rule's note or the attachment it asks for); null when the
    /// rule has none of these (the rules compiler warned).
    /// </summary>
    public LocalizedText? RuleTitle(string workflow, string rule) =>
        RuleSet.Find(workflow, rule) is { } compiled
            ? compiled.Title ?? compiled.Reason ?? compiled.Label ?? compiled.Note ?? (compiled.Attachment is { } id ? Manifest.FindAttachment(id)?.Name : null)
            : null;

    /// <summary>Renders a template by its manifest name; limits and template errors come back in the result, never as exceptions.</summary>
    public RenderResult Render(string templateName, TemplateModel model, string culture = "vi", CancellationToken cancellationToken = default)
    {
        if (!Templates.TryGetValue(templateName, out var template))
        {
            return new RenderResult(false, string.Empty, $"The procedure {Code} has no template '{templateName}' (templates: {string.Join(", ", Templates.Keys)}).");
        }

        return TemplateRenderer.Render(template, model, Manifest, Form, culture, _templateLimits, _clock, cancellationToken);
    }

    private IReadOnlyList<RuleOutcome> Run(string workflow, JsonObject data, DateOnly submittedOn, out DecisionTrace trace)
    {
        var context = new RuleContext(submittedOn.ToDateTime(TimeOnly.MinValue), Manifest.ServiceLevel);
        var outcomes = RuleSet.Run(_rules, workflow, _inputType, data, context);
        trace = new DecisionTrace(
            Code,
            Version,
            ContentHash,
            submittedOn,
            [.. outcomes.Select(o => new RuleTrace(
                workflow,
                o.Rule.Name,
                o.Rule.Expression,
                o.Success,
                o.Inputs,
                o.Amount is { } amount ? JsonValue.Create(amount) : o.Rule.Attachment is { } attachment && o.Success ? JsonValue.Create(attachment) : null,
                o.Error))]);
        return outcomes;
    }
}
