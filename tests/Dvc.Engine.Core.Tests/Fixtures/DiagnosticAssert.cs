using Dvc.Engine.Core.Definitions;

namespace Dvc.Engine.Core.Tests.Fixtures;

/// <summary>Asserts on diagnostic codes and places, never on message text.</summary>
public static class DiagnosticAssert
{
    /// <summary>Exactly one error, with this code, file, pointer and (when given) line; and the procedure is not served.</summary>
    public static Diagnostic SingleError(ProcedureCompilation compilation, string code, string file, string? pointer = null, int? line = null)
    {
        var errors = compilation.Diagnostics.Where(d => d.IsError).ToArray();
        Assert.True(errors.Length == 1, "Expected exactly one error, got:\n" + string.Join("\n", compilation.Diagnostics));
        var error = errors[0];
        Assert.Equal(code, error.Code);
        Assert.Equal(file, error.File);
        if (pointer is not null)
        {
            Assert.Equal(pointer, error.JsonPointer);
        }

        if (line is not null)
        {
            Assert.Equal(line.Value, error.Line);
        }

        Assert.False(string.IsNullOrWhiteSpace(error.Message));
        return error;
    }

    public static Diagnostic Single(IEnumerable<Diagnostic> diagnostics, string code)
    {
        var list = diagnostics.ToArray();
        var matching = list.Where(d => d.Code == code).ToArray();
        Assert.True(matching.Length == 1, $"Expected one {code}, got:\n" + string.Join("\n", list));
        return matching[0];
    }
}
