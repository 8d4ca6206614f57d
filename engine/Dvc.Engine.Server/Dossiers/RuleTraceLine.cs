using System.Text.Json.Nodes;
using Dvc.Engine.Server.Forms;

namespace Dvc.Engine.Server.Dossiers;

/// <summary>One rule that decided eligibility, fee or checklist, with its result.</summary>
internal sealed record RuleTraceLine(string Workflow, string Rule, bool Passed, string? Message);
