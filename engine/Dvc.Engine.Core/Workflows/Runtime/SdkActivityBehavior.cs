using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dvc.Engine.Core.Workflows.Expressions;
using Dvc.Engine.Core.Workflows.Model;
using Dvc.Engine.Sdk;

namespace Dvc.Engine.Core.Workflows.Runtime;

/// <summary>
/// Runs an SDK activity (domain or plugin): a fresh instance per call, <see cref="InputAttribute"/> properties bound
/// from the evaluated inputs, <see cref="OutputAttribute"/> properties collected afterwards.
/// </summary>
internal sealed class SdkActivityBehavior : ActivityBehavior
{
    private readonly Func<ActivityBase> _factory;
    private readonly List<(PropertyInfo Property, InputAttribute Attribute, string Name)> _inputs = [];
    private readonly List<(PropertyInfo Property, string Name)> _outputs = [];
    private readonly string? _outcomesProperty;

    public SdkActivityBehavior(Type activityType, Func<ActivityBase> factory)
    {
        _factory = factory;
        _outcomesProperty = activityType.GetCustomAttribute<OutcomesAttribute>()?.FromProperty;
        foreach (var property in activityType.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetCustomAttribute<InputAttribute>() is { } input && property.CanWrite)
            {
                _inputs.Add((property, input, ActivityDescriptor.CamelCase(property.Name)));
            }
            else if (property.GetCustomAttribute<OutputAttribute>() is not null && property.CanRead)
            {
                _outputs.Add((property, ActivityDescriptor.CamelCase(property.Name)));
            }
        }
    }

    public override async ValueTask ExecuteAsync(ActivityExecution execution, CancellationToken cancellationToken)
    {
        if (Bind(execution) is not { } activity)
        {
            return;
        }

        ActivityResult result;
        try
        {
            result = await activity.ExecuteAsync(new SdkActivityContext(execution), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A plugin's bug faults this instance; it must not take the host's request down with it.
            execution.Fault($"Activity '{execution.Activity.Id}' ({execution.Activity.Type}) failed: {ex.Message}");
            return;
        }

        Apply(execution, activity, result, resuming: false);
    }

    public override async ValueTask ResumeAsync(ActivityExecution execution, WorkflowBookmark bookmark, JsonNode? payload, CancellationToken cancellationToken)
    {
        if (Bind(execution) is not { } activity)
        {
            return;
        }

        var request = new BookmarkRequest(bookmark.Name, bookmark.Key, bookmark.Payload?.DeepClone().AsObject(), bookmark.DueAt);
        ActivityResult result;
        try
        {
            result = await activity.ResumeAsync(new SdkActivityContext(execution), request, payload?.DeepClone(), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            execution.Fault($"Activity '{execution.Activity.Id}' ({execution.Activity.Type}) failed on resume: {ex.Message}");
            return;
        }

        Apply(execution, activity, result, resuming: true);
    }

    public override IReadOnlyList<string>? PossibleOutcomes(ActivityNode node, ActivityDescriptor descriptor)
    {
        if (_outcomesProperty is null)
        {
            return descriptor.Outcomes;
        }

        return node.Property(_outcomesProperty) is JsonArray array
            ? array.Select(x => x is JsonValue v && v.TryGetValue<string>(out var s) ? s : null).OfType<string>().ToList()
            : [];
    }

    private ActivityBase? Bind(ActivityExecution execution)
    {
        var activity = _factory();
        foreach (var (property, attribute, name) in _inputs)
        {
            object? value = null;
            if (execution.HasInput(name) && execution.Evaluate(name) is { } node)
            {
                try
                {
                    value = node.Deserialize(property.PropertyType, ValueConversion.SerializerOptions);
                }
                catch (JsonException ex)
                {
                    execution.Fault($"Input '{name}' of '{execution.Activity.Id}' cannot be read as {ActivityDescriptor.TypeAlias(property.PropertyType)}: {ex.Message}");
                    return null;
                }
            }
            else if (attribute.DefaultValue is { } defaultValue)
            {
                value = ValueConversion.FromObject(defaultValue).Deserialize(property.PropertyType, ValueConversion.SerializerOptions);
            }

            if (value is not null)
            {
                property.SetValue(activity, value);
            }
        }

        return activity;
    }

    private void Apply(ActivityExecution execution, ActivityBase activity, ActivityResult result, bool resuming)
    {
        if (result.Rejection is { } rejection)
        {
            if (resuming)
            {
                execution.RejectResume(rejection);
            }
            else
            {
                execution.Fault(rejection);
            }

            return;
        }

        foreach (var (property, name) in _outputs)
        {
            if (property.GetValue(activity) is { } value)
            {
                execution.SetOutput(name, ValueConversion.FromObject(value));
            }
        }

        if (result.Bookmark is { } bookmark)
        {
            execution.Wait(bookmark);
        }
        else
        {
            execution.CompleteWith(result.Outcomes);
        }
    }
}
