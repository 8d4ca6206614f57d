using Dvc.Engine.Core.Workflows;
using Dvc.Engine.Sdk;

namespace Dvc.Engine.Server.Endpoints.Activities;

/// <summary>The workflow activity palette: built-in Elsa and Dvc activities plus those plugins added, with their designer metadata.</summary>
internal static class ActivityEndpoints
{
    public static RouteGroupBuilder MapActivityEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/activities").WithTags("Activities").AllowAnonymous();
        group.MapGet("/", List).WithName("ListActivities")
            .WithSummary("Every activity type a workflow may use (inputs, outputs, outcome ports, display names vi/en), for designers.");
        return group;
    }

    private static Microsoft.AspNetCore.Http.HttpResults.Ok<ActivityDescriptor[]> List(ActivityRegistry registry) =>
        TypedResults.Ok(registry.Descriptors.OrderBy(d => d.Category, StringComparer.Ordinal).ThenBy(d => d.Type, StringComparer.Ordinal).ToArray());
}
