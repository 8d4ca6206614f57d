using Dvc.Engine.Server.Endpoints.Accounts;
using Dvc.Engine.Server.Endpoints.Activities;
using Dvc.Engine.Server.Endpoints.Agencies;
using Dvc.Engine.Server.Endpoints.Catalog;
using Dvc.Engine.Server.Endpoints.Dossiers;
using Dvc.Engine.Server.Endpoints.Statistics;
using Dvc.Engine.Server.Endpoints.Tasks;

namespace Dvc.Engine.Server.Endpoints;

/// <summary>Maps every feature's API group under <c>/api/v1</c>.</summary>
internal static class DvcEndpoints
{
    public static IEndpointRouteBuilder MapDvcEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapAccountEndpoints();
        app.MapCatalogEndpoints();
        app.MapAgencyEndpoints();
        app.MapActivityEndpoints();
        app.MapDossierEndpoints();
        app.MapTaskEndpoints();
        app.MapStatisticsEndpoints();
        return app;
    }
}
