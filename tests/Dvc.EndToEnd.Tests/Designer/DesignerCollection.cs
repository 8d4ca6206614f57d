using Dvc.EndToEnd.Tests.Infrastructure;

namespace Dvc.EndToEnd.Tests.Designer;

/// <summary>The designer's browser tests share one server (they use different procedures) and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class DesignerCollection : ICollectionFixture<PortalFixture>
{
    public const string Name = "designer";
}
