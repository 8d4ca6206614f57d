using System.Text.Json.Nodes;

namespace Dvc.Engine.Sdk;

/// <summary>
/// Everything an activity may touch while it runs. Inputs arrive already evaluated; every effect goes through here,
/// so the engine can persist, replay and test it.
/// </summary>
public abstract class ActivityContext
{
    /// <summary>The activity's id in the workflow JSON.</summary>
    public abstract string ActivityId { get; }

    /// <summary>The activity type name (<c>Dvc.HumanTask</c>).</summary>
    public abstract string ActivityType { get; }

    /// <summary>The dossier the workflow instance belongs to.</summary>
    public abstract DossierInfo Dossier { get; }

    /// <summary>Services the host offers to plugins (options, HTTP clients, gateways).</summary>
    public abstract IServiceProvider Services { get; }

    /// <summary>The clock; use it instead of <see cref="DateTimeOffset.UtcNow"/> so tests and timers agree.</summary>
    public abstract TimeProvider Time { get; }

    /// <summary>True when the JSON sets the input (as an expression or a plain value).</summary>
    /// <param name="name">The input name, camelCase as in the JSON.</param>
    public abstract bool HasInput(string name);

    /// <summary>The evaluated input converted to <typeparamref name="T"/>, or default when it is not set.</summary>
    /// <param name="name">The input name, camelCase as in the JSON.</param>
    public abstract T? GetInput<T>(string name);

    /// <summary>A plain JSON property of the activity (for example <c>outcomes</c>), as a copy; null when absent.</summary>
    /// <param name="name">The property name, camelCase as in the JSON.</param>
    public abstract JsonNode? GetProperty(string name);

    /// <summary>Sets an output; the engine stores it and copies it to the variable the JSON binds it to.</summary>
    /// <param name="name">The output name, camelCase as in the JSON.</param>
    /// <param name="value">Any JSON-serializable value.</param>
    public abstract void SetOutput(string name, object? value);

    /// <summary>Appends a line to the dossier's processing log.</summary>
    /// <param name="message">The text; Vietnamese first when it is shown to citizens.</param>
    public abstract void Log(string message);
}
