using System.Text.Json;
using System.Text.Json.Nodes;
using Dvc.Engine.Core.Workflows.Expressions;
using Dvc.Engine.Sdk;

namespace Dvc.Engine.Core.Workflows.Runtime;

/// <summary>The engine's implementation of the SDK context over one activity execution.</summary>
internal sealed class SdkActivityContext(ActivityExecution execution) : ActivityContext
{
    public override string ActivityId => execution.Activity.Id;

    public override string ActivityType => execution.Activity.Type;

    public override DossierInfo Dossier => execution.Run.Context.Dossier;

    public override IServiceProvider Services => execution.Run.Context.Services;

    public override TimeProvider Time => execution.Run.Time;

    public override bool HasInput(string name) => execution.HasInput(name);

    public override T? GetInput<T>(string name) where T : default
    {
        var value = execution.HasInput(name) ? execution.Evaluate(name) : null;
        return value is null ? default : value.Deserialize<T>(ValueConversion.SerializerOptions);
    }

    public override JsonNode? GetProperty(string name) => execution.Activity.Node.Property(name)?.DeepClone();

    public override void SetOutput(string name, object? value) => execution.SetOutput(name, ValueConversion.FromObject(value));

    public override void Log(string message) => execution.Log(message);

}
