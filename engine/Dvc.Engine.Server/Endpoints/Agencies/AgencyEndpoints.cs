using Dvc.Engine.Core.Agencies;
using Dvc.Engine.Server.Agencies;
using Dvc.Engine.Server.Endpoints.Catalog;
using Dvc.Engine.Server.Errors;
using Dvc.Engine.Server.Localization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dvc.Engine.Server.Endpoints.Agencies;

/// <summary>The public agency list: who handles dossiers, in which hierarchy, for which administrative unit.</summary>
internal static class AgencyEndpoints
{
    public static RouteGroupBuilder MapAgencyEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/agencies").WithTags("Agencies").AllowAnonymous();
        group.MapGet("/", List).WithName("ListAgencies").WithSummary("Every agency (also ended ones, which old dossiers name); filter by parent or unit version.");
        group.MapGet("/{code}", Get).WithName("GetAgency").WithSummary("One agency by its code.").ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static Ok<AgencyDto[]> List(AgencyCatalog agencies, string? parent, string? unitVersion) =>
        TypedResults.Ok(agencies.Directory.All
            .Where(a => parent is null || string.Equals(a.Parent, parent, StringComparison.OrdinalIgnoreCase))
            .Where(a => unitVersion is null || a.Unit?.Version == unitVersion)
            .OrderBy(a => a.Code, StringComparer.Ordinal)
            .Select(ToDto)
            .ToArray());

    private static Results<Ok<AgencyDto>, ProblemHttpResult> Get(string code, AgencyCatalog agencies, PortalText text) =>
        agencies.Find(code) is { } agency ? TypedResults.Ok(ToDto(agency)) : ApiProblems.NotFound(text, code);

    private static AgencyDto ToDto(AgencyDefinition a) =>
        new(a.Code, new TextDto(a.Name.Vi, a.Name.En), a.Parent, a.IsGroup, a.Unit?.Version, a.Unit?.Id, a.ValidFrom, a.ValidTo);
}
