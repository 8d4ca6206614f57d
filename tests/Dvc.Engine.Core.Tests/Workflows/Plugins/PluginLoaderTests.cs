using Dvc.Engine.Core.Tests.Fixtures;
using Dvc.Engine.Core.Workflows;
using Dvc.Engine.Core.Workflows.Plugins;
using Dvc.Engine.Core.Workflows.Runtime;

namespace Dvc.Engine.Core.Tests.Workflows.Plugins;

public sealed class PluginLoaderTests : IDisposable
{
    private const string Workflow = """
        {
          "id": "1f2e3d4c5b6a7980", "definitionId": "sample-stamp", "name": "Stamp", "version": 1,
          "variables": [ { "id": "v-stamp", "name": "StampResult", "typeName": "String", "isArray": false } ],
          "root": {
            "type": "Elsa.Flowchart", "version": 1, "id": "root",
            "activities": [
              { "id": "stamp", "type": "Sample.Stamp", "version": 1,
                "stampText": { "typeName": "String", "expression": { "type": "Liquid", "value": "ĐÃ DUYỆT {{ Input.dossierCode }}" } },
                "stamped": { "typeName": "String", "memoryReference": { "id": "v-stamp" } } },
              { "id": "ok", "type": "Elsa.WriteLine", "version": 1,
                "text": { "typeName": "String", "expression": { "type": "JavaScript", "value": "'Kết quả: ' + getStampResult()" } } },
              { "id": "no", "type": "Elsa.WriteLine", "version": 1, "text": { "typeName": "String", "expression": { "type": "Literal", "value": "Từ chối" } } }
            ],
            "connections": [
              { "source": { "activity": "stamp", "port": "Stamped" }, "target": { "activity": "ok", "port": "In" } },
              { "source": { "activity": "stamp", "port": "Rejected" }, "target": { "activity": "no", "port": "In" } }
            ]
          }
        }
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("dvc-plugins-").FullName;

    [Fact]
    public void A_plugin_dll_in_the_folder_is_discovered_with_its_descriptor()
    {
        Repository.CopySamplePlugin(_folder);
        var registry = ActivityRegistry.CreateDefault();

        var result = PluginLoader.LoadFrom(_folder, registry);

        Assert.Empty(result.Diagnostics);
        Assert.Equal("Sample.Plugin", Assert.Single(result.Plugins).Id);
        var descriptor = registry.Find("Sample.Stamp");
        Assert.NotNull(descriptor);
        Assert.Equal("Đóng dấu", descriptor.DisplayNameVi);
        Assert.Equal(["Stamped", "Rejected"], descriptor.Outcomes);
        Assert.Equal("stampText", Assert.Single(descriptor.Inputs).Name);
    }

    [Fact]
    public async Task A_workflow_runs_a_plugin_activity_the_engine_does_not_know()
    {
        Repository.CopySamplePlugin(_folder);
        var registry = ActivityRegistry.CreateDefault();
        PluginLoader.LoadFrom(_folder, registry);
        var workflow = WorkflowTestKit.CompileBytes(System.Text.Encoding.UTF8.GetBytes(Workflow), "stamp.json", new WorkflowCompileContext(null, registry));

        var result = await WorkflowTestKit.Interpreter().StartAsync(workflow, WorkflowTestKit.Dossier());

        Assert.Equal(WorkflowStatus.Finished, result.Status);
        Assert.Equal(["Đóng dấu ĐÃ DUYỆT HN-2026-000123 lúc 02/03/2026", "Kết quả: HN-2026-000123: ĐÃ DUYỆT HN-2026-000123"], result.State.LogLines);
    }

    [Fact]
    public void Without_the_plugin_the_same_workflow_is_a_compile_error_on_its_type()
    {
        var result = WorkflowCompiler.Compile(System.Text.Encoding.UTF8.GetBytes(Workflow), "stamp.json", WorkflowCompileContext.Default);

        var diagnostic = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal((WorkflowDiagnostics.UnknownActivityType, "/root/activities/0/type"), (diagnostic.Code, diagnostic.JsonPointer));
    }

    [Fact]
    public void A_file_that_is_not_an_assembly_is_reported_and_skipped()
    {
        File.WriteAllText(Path.Combine(_folder, "broken.dll"), "not a dll");
        Repository.CopySamplePlugin(_folder);

        var result = PluginLoader.LoadFrom(_folder, ActivityRegistry.CreateDefault());

        Assert.Equal(WorkflowDiagnostics.PluginLoadFailed, Assert.Single(result.Diagnostics).Code);
        Assert.Single(result.Plugins);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
