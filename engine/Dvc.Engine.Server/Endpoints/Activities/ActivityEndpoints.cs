using Dvc.Engine.Core.Workflows;
using Dvc.Engine.Core.Workflows.SubWorkflows;
using Dvc.Engine.Sdk;
using Dvc.Engine.Server.Hosting;
using Microsoft.Extensions.Options;

namespace Dvc.Engine.Server.Endpoints.Activities;

/// <summary>
/// The workflow activity palette: built-in Elsa and Dvc activities, those plugins added, and the catalog's shared
/// workflows usable as activities (their inputs, outputs and outcomes), with their designer metadata.
/// </summary>
internal static class ActivityEndpoints
{
    public static RouteGroupBuilder MapActivityEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/activities").WithTags("Activities").AllowAnonymous();
        group.MapGet("/", List).WithName("ListActivities")
            .WithSummary("Every activity type a workflow may use (inputs, outputs, outcome ports, display names vi/en), for designers.");
        return group;
    }

    private static Microsoft.AspNetCore.Http.HttpResults.Ok<ActivityDescriptor[]> List(ActivityRegistry registry, IOptions<DvcServerOptions> options, IWebHostEnvironment environment)
    {
        // Read when asked: the palette is a designer's request, and the shared folder is small.
        var definitions = DefinitionsLocator.Locate(options.Value.DefinitionsPath, environment.ContentRootPath);
        var shared = definitions is null
            ? []
            : WorkflowLibrary.FromDirectory(Path.Combine(definitions, WorkflowLibrary.SharedFolder), WorkflowLibrary.SharedFolder, []).Descriptors();
        return TypedResults.Ok(registry.Descriptors.Concat(shared.Where(d => !registry.Contains(d.Type)))
            .OrderBy(d => d.Category, StringComparer.Ordinal).ThenBy(d => d.Type, StringComparer.Ordinal).ToArray());
    }
}
