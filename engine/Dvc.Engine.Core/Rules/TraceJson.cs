using System.Text.Encodings.Web;
using System.Text.Json;

namespace Dvc.Engine.Core.Rules;

/// <summary>JSON settings for traces: camelCase, Vietnamese text unescaped so stored traces stay readable.</summary>
internal static class TraceJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };
}
