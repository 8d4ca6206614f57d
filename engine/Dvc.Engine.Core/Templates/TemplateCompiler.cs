using Dvc.Engine.Core.Definitions;
using Dvc.Engine.Core.Forms;
using Scriban;
using Scriban.Parsing;
using Scriban.Syntax;

namespace Dvc.Engine.Core.Templates;

/// <summary>
/// Parses a Scriban template once and cross-checks it: no include/import, no functions outside the template sandbox,
/// and every <c>data.x.y</c> it reads exists in the form.
/// </summary>
internal static class TemplateCompiler
{
    internal static readonly HashSet<string> RefusedGlobals = new(StringComparer.Ordinal) { "include", "include_join", "import", "object", "date", "regex", "timespan", "environment" };

    public static CompiledTemplate? Compile(string name, string file, string text, FormDefinition? form, ICollection<Diagnostic> diagnostics)
    {
        var template = Template.Parse(text, file);
        if (template.HasErrors)
        {
            // The first error is the real one; Scriban's follow-on errors describe the same mistake again.
            foreach (var message in template.Messages.Where(m => m.Type == ParserMessageType.Error).Take(1))
            {
                diagnostics.Add(new Diagnostic(
                    TemplateDiagnostics.SyntaxError,
                    DiagnosticSeverity.Error,
                    $"The template '{name}' does not parse: {message.Message}",
                    file,
                    string.Empty,
                    message.Span.Start.Line + 1,
                    message.Span.Start.Column + 1));
            }

            return null;
        }

        var checker = new Checker(name, file, form);
        checker.Visit(template.Page);
        foreach (var diagnostic in checker.Diagnostics)
        {
            diagnostics.Add(diagnostic);
        }

        return checker.Diagnostics.Any(d => d.IsError) ? null : new CompiledTemplate(name, file, template);
    }

    private sealed class Checker(string name, string file, FormDefinition? form) : ScriptVisitor
    {
        public List<Diagnostic> Diagnostics { get; } = [];

        public override void Visit(ScriptVariableGlobal node)
        {
            if (node.Name is "include" or "include_join" or "import")
            {
                Add(node, TemplateDiagnostics.IncludeNotAllowed, $"The template '{name}' uses '{node.Name}'; templates cannot load other files. Put the shared text in this template.");
            }
            else if (RefusedGlobals.Contains(node.Name))
            {
                Add(node, TemplateDiagnostics.FunctionNotAllowed, $"The template '{name}' uses '{node.Name}', which templates cannot use. Use today, vndate(…), vnd(…) and label(…) instead.");
            }

            base.Visit(node);
        }

        public override void Visit(ScriptImportStatement node)
        {
            Add(node, TemplateDiagnostics.IncludeNotAllowed, $"The template '{name}' uses 'import'; templates cannot load other files.");
            base.Visit(node);
        }

        public override void Visit(ScriptMemberExpression node)
        {
            if (form is not null && Chain(node) is { } tokens && tokens.Count >= 2 && tokens[0] == "data")
            {
                var parentPointer = JsonPointer.FromTokens(tokens.Skip(1).SkipLast(1));
                var parent = form.Find(parentPointer);
                var pointer = JsonPointer.FromTokens(tokens.Skip(1));
                if (parent is { Type: FormFieldType.Object } && form.Find(pointer) is null)
                {
                    Add(node, TemplateDiagnostics.UnknownField, $"The template '{name}' reads '{string.Join('.', tokens)}', but the form has no field '{pointer}'.");
                }
            }

            base.Visit(node);
        }

        private static List<string>? Chain(ScriptExpression expression)
        {
            var tokens = new List<string>();
            var current = expression;
            while (current is ScriptMemberExpression member)
            {
                if (member.Member is not ScriptVariable variable)
                {
                    return null;
                }

                tokens.Insert(0, variable.Name);
                current = member.Target;
            }

            if (current is not ScriptVariableGlobal global)
            {
                return null;
            }

            tokens.Insert(0, global.Name);
            return tokens;
        }

        private void Add(ScriptNode node, string code, string message) =>
            Diagnostics.Add(new Diagnostic(code, DiagnosticSeverity.Error, message, file, string.Empty, node.Span.Start.Line + 1, node.Span.Start.Column + 1));
    }
}
