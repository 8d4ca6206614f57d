using System.Text.Json.Nodes;
using Dvc.Engine.Server.Forms;

namespace Dvc.Engine.Server.Dossiers;

/// <summary>One rule that decided eligibility, fee or checklist, with its result and what it means (reason, fee label or note).</summary>
internal sealed record RuleTraceLine(string Workflow, string Rule, bool Passed, string? Message, Core.Definitions.LocalizedText? Description = null);
