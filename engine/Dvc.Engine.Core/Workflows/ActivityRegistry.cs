using Dvc.Engine.Core.Workflows.Activities;
using Dvc.Engine.Core.Workflows.Activities.Elsa;
using Dvc.Engine.Core.Workflows.Runtime;
using Dvc.Engine.Sdk;

namespace Dvc.Engine.Core.Workflows;

/// <summary>
/// The activity types a workflow may use: Elsa's supported built-ins, the <c>Dvc.</c> domain activities and any
/// plugin's. The designer palette reads <see cref="Descriptors"/>; the compiler rejects types not found here.
/// </summary>
public sealed class ActivityRegistry : IActivityRegistrar
{
    private readonly Dictionary<string, ActivityRegistration> _registrations = new(StringComparer.Ordinal);
    private readonly List<PluginManifest> _plugins = [];

    /// <summary>Descriptors of every registered type, for the designer palette.</summary>
    public IReadOnlyList<ActivityDescriptor> Descriptors => _registrations.Values.Select(x => x.Descriptor).ToList();

    /// <summary>The plugins added with <see cref="AddPlugin"/>.</summary>
    public IReadOnlyList<PluginManifest> Plugins => _plugins;

    /// <summary>A registry with the Elsa built-ins and the Dvc domain activities.</summary>
    public static ActivityRegistry CreateDefault()
    {
        var registry = new ActivityRegistry();
        foreach (var (descriptor, behavior) in ElsaActivities.All())
        {
            registry._registrations[descriptor.Type] = new ActivityRegistration(descriptor, behavior);
        }

        registry.Add<HumanTask>();
        registry.Add<EvaluateRules>();
        registry.Add<RequestPayment>();
        registry.Add<WaitForSupplement>();
        registry.Add<IssueResult>();
        registry.Add<Notify>();
        registry.Add<SyncNationalPortal>();
        return registry;
    }

    /// <inheritdoc />
    public void Add<TActivity>()
        where TActivity : ActivityBase, new()
    {
        var descriptor = ActivityDescriptor.FromType(typeof(TActivity));
        _registrations[descriptor.Type] = new ActivityRegistration(descriptor, new SdkActivityBehavior(typeof(TActivity), () => new TActivity()));
    }

    /// <summary>Lets a plugin register its activities and remembers its manifest.</summary>
    public void AddPlugin(IDvcPlugin plugin)
    {
        ArgumentNullException.ThrowIfNull(plugin);
        plugin.Register(this);
        _plugins.Add(plugin.Manifest);
    }

    /// <summary>True when the type is registered.</summary>
    public bool Contains(string type) => _registrations.ContainsKey(type);

    /// <summary>The descriptor of a type, or null.</summary>
    public ActivityDescriptor? Find(string type) => _registrations.TryGetValue(type, out var registration) ? registration.Descriptor : null;

    internal bool TryGet(string type, out ActivityRegistration registration) => _registrations.TryGetValue(type, out registration!);
}

internal sealed record ActivityRegistration(ActivityDescriptor Descriptor, IActivityBehavior Behavior);
