namespace Dvc.Plugins.Simulator;

/// <summary>
/// The simulators as their own app: <c>dotnet run --project plugins/Dvc.Plugins.Simulator -- --urls http://localhost:5081</c>.
/// A named entry point (not top-level statements) so no second global <c>Program</c> meets the server's in the tests.
/// </summary>
internal static class SimulatorProgram
{
    public static async Task Main(string[] args) => await SimulatorApp.Create(args).RunAsync();
}
