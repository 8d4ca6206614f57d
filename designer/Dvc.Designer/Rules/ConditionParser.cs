using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Dvc.Designer.Rules;

/// <summary>
/// Reads a rule expression into a <see cref="Condition"/> when the builder can show it, and only then: the result must
/// write back to the same expression (spaces aside), otherwise the expression stays text, so nothing typed by hand is
/// ever rewritten or lost.
/// </summary>
public static class ConditionParser
{
    public static Condition? TryParse(string? expression)
    {
        if (string.IsNullOrWhiteSpace(expression))
        {
            return new Always();
        }

        try
        {
            var tokens = Tokenize(expression);
            var parser = new Parser(tokens);
            var condition = parser.ParseOr();
            if (!parser.AtEnd)
            {
                return null;
            }

            return Squash(ConditionWriter.Write(condition)) == Squash(expression) ? condition : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>The expression without spaces outside string literals.</summary>
    public static string Squash(string text)
    {
        var builder = new StringBuilder(text.Length);
        var inString = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inString)
            {
                builder.Append(c);
                if (c == '\\' && i + 1 < text.Length)
                {
                    builder.Append(text[++i]);
                }
                else if (c == '"')
                {
                    inString = false;
                }
            }
            else if (c == '"')
            {
                inString = true;
                builder.Append(c);
            }
            else if (!char.IsWhiteSpace(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private enum Kind
    {
        Ident,
        String,
        Number,
        Symbol,
    }

    private sealed record Token(Kind Kind, string Text);

    private static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '"')
            {
                var builder = new StringBuilder();
                i++;
                while (true)
                {
                    if (i >= text.Length)
                    {
                        throw new FormatException("unterminated string");
                    }

                    var d = text[i++];
                    if (d == '"')
                    {
                        break;
                    }

                    if (d == '\\')
                    {
                        var e = i < text.Length ? text[i++] : throw new FormatException("bad escape");
                        builder.Append(e switch { 'n' => '\n', 'r' => '\r', 't' => '\t', _ => e });
                    }
                    else
                    {
                        builder.Append(d);
                    }
                }

                tokens.Add(new Token(Kind.String, builder.ToString()));
            }
            else if (char.IsAsciiDigit(c) || (c == '-' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]) && PreviousAllowsSign(tokens)))
            {
                var start = i++;
                while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
                {
                    i++;
                }

                tokens.Add(new Token(Kind.Number, text[start..i]));
            }
            else if (char.IsAsciiLetter(c) || c == '_')
            {
                var start = i;
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '_' or '.'))
                {
                    i++;
                }

                tokens.Add(new Token(Kind.Ident, text[start..i]));
            }
            else
            {
                var two = i + 1 < text.Length ? text.Substring(i, 2) : "";
                if (two is "==" or "!=" or ">=" or "<=" or "&&" or "||" or "=>" or "??")
                {
                    tokens.Add(new Token(Kind.Symbol, two));
                    i += 2;
                }
                else if (c is '!' or '(' or ')' or ',' or '>' or '<')
                {
                    tokens.Add(new Token(Kind.Symbol, c.ToString()));
                    i++;
                }
                else
                {
                    throw new FormatException($"unexpected '{c}'");
                }
            }
        }

        return tokens;
    }

    private static bool PreviousAllowsSign(List<Token> tokens) =>
        tokens.Count == 0 || tokens[^1].Kind == Kind.Symbol && tokens[^1].Text != ")";

    private sealed class Parser(List<Token> tokens)
    {
        private int _at;

        public bool AtEnd => _at >= tokens.Count;

        public Condition ParseOr()
        {
            var items = new List<Condition> { ParseAnd() };
            while (Accept("||"))
            {
                items.Add(ParseAnd());
            }

            return items.Count == 1 ? items[0] : (Condition?)AsOneOf(items) ?? new ConditionGroup(GroupKind.Any, items);
        }

        private Condition ParseAnd()
        {
            var items = new List<Condition> { ParseUnary() };
            while (Accept("&&"))
            {
                items.Add(ParseUnary());
            }

            return items.Count == 1 ? items[0] : new ConditionGroup(GroupKind.All, items);
        }

        private Condition ParseUnary()
        {
            if (Accept("!"))
            {
                Expect("(");
                var inner = ParseOr();
                Expect(")");
                return inner is ConditionGroup { Kind: GroupKind.Any } any ? new ConditionGroup(GroupKind.None, any.Items) : new ConditionGroup(GroupKind.None, [inner]);
            }

            if (Accept("("))
            {
                var inner = ParseOr();
                Expect(")");
                return inner;
            }

            return ParseAtom();
        }

        private Condition ParseAtom()
        {
            var token = Next();
            if (token.Kind != Kind.Ident)
            {
                throw new FormatException("expected a field");
            }

            if (token.Text == "true")
            {
                return new Always();
            }

            if (token.Text == "Dvc.Age")
            {
                Expect("(");
                var field = FieldPath(Next());
                Expect(",");
                if (Next().Text != "ctx.SubmittedOn")
                {
                    throw new FormatException("age is counted on the submission date");
                }

                Expect(")");
                var op = Operator();
                return new AgeComparison(field, op, Integer());
            }

            if (token.Text == "Dvc.Count")
            {
                Expect("(");
                var list = FieldPath(Next());
                Expect(")");
                var op = Operator();
                return new ItemCount(list, op, Integer());
            }

            if (token.Text.EndsWith(".Sum", StringComparison.Ordinal) && Peek("("))
            {
                var list = FieldPath(new Token(Kind.Ident, token.Text[..^4]));
                Expect("(");
                var variable = Next().Text;
                Expect("=>");
                var member = Next().Text;
                if (!member.StartsWith(variable + ".", StringComparison.Ordinal))
                {
                    throw new FormatException("sum of a column");
                }

                Expect("??");
                if (Next().Text != "0")
                {
                    throw new FormatException("sum of a column");
                }

                Expect(")");
                var op = Operator();
                return new ColumnSum(list, member[(variable.Length + 1)..].Replace('.', '/'), op, decimal.Parse(Next().Text, NumberStyles.Float, CultureInfo.InvariantCulture));
            }

            var path = FieldPath(token);
            var comparison = Operator();
            var value = LiteralValue();
            if (value is null && comparison is "==" or "!=")
            {
                return new Blankness(path, comparison == "==");
            }

            return new FieldComparison(path, comparison, value);
        }

        private static OneOf? AsOneOf(List<Condition> items)
        {
            string? field = null;
            var values = new List<JsonNode?>();
            foreach (var item in items)
            {
                var (f, v) = item switch
                {
                    FieldComparison { Operator: "==" } c => (c.Field, c.Value),
                    Blankness { Blank: true } b => (b.Field, (JsonNode?)null),
                    _ => (null, null),
                };
                if (f is null || (field is not null && f != field))
                {
                    return null;
                }

                field = f;
                values.Add(v);
            }

            return new OneOf(field!, values);
        }

        private JsonValue? LiteralValue()
        {
            var token = Next();
            return token.Kind switch
            {
                Kind.String => JsonValue.Create(token.Text),
                Kind.Number when long.TryParse(token.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) => JsonValue.Create(l),
                Kind.Number => JsonValue.Create(decimal.Parse(token.Text, NumberStyles.Float, CultureInfo.InvariantCulture)),
                Kind.Ident when token.Text == "true" => JsonValue.Create(true),
                Kind.Ident when token.Text == "false" => JsonValue.Create(false),
                Kind.Ident when token.Text == "null" => null,
                _ => throw new FormatException("expected a value"),
            };
        }

        private long Integer() =>
            long.TryParse(Next().Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : throw new FormatException("expected a whole number");

        private string Operator()
        {
            var token = Next();
            return token.Kind == Kind.Symbol && ConditionOperators.All.Contains(token.Text) ? token.Text : throw new FormatException("expected a comparison");
        }

        private static string FieldPath(Token token) =>
            token.Kind == Kind.Ident && token.Text.StartsWith("input.", StringComparison.Ordinal) && token.Text.Length > 6 && !token.Text.EndsWith('.')
                ? token.Text[6..].Replace('.', '/')
                : throw new FormatException("expected input.<field>");

        private Token Next() => _at < tokens.Count ? tokens[_at++] : throw new FormatException("unexpected end");

        private bool Peek(string symbol) => _at < tokens.Count && tokens[_at].Kind == Kind.Symbol && tokens[_at].Text == symbol;

        private bool Accept(string symbol)
        {
            if (Peek(symbol))
            {
                _at++;
                return true;
            }

            return false;
        }

        private void Expect(string symbol)
        {
            if (!Accept(symbol))
            {
                throw new FormatException($"expected '{symbol}'");
            }
        }
    }
}
