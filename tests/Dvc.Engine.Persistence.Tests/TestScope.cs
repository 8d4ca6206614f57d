using Microsoft.Extensions.DependencyInjection;

namespace Dvc.Engine.Persistence.Tests;

/// <summary>One DI scope: its own DbContext and connection.</summary>
public sealed class TestScope(AsyncServiceScope scope) : IAsyncDisposable
{
    public T Get<T>()
        where T : notnull => scope.ServiceProvider.GetRequiredService<T>();

    public ValueTask DisposeAsync() => scope.DisposeAsync();
}
