using Dvc.Engine.Server.Hosting;
using Dvc.Engine.Server;

var builder = WebApplication.CreateBuilder(args);
builder.AddDvcServer();

var app = builder.Build();
app.UseDvcServer();
app.MapDvcServer();

// Database, definitions and demo accounts are ready before the first request is accepted.
await app.PrepareDvcAsync();
await app.RunAsync();

/// <summary>Exposed so WebApplicationFactory&lt;Program&gt; can host the real server in tests.</summary>
public partial class Program;
