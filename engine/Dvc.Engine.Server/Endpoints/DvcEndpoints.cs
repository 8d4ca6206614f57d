namespace Dvc.Engine.Server.Endpoints;

/// <summary>Maps every feature's API group under <c>/api/v1</c>.</summary>
internal static class DvcEndpoints
{
    public static IEndpointRouteBuilder MapDvcEndpoints(this IEndpointRouteBuilder app)
    {
        return app;
    }
}
