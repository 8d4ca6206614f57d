using Dvc.Engine.Core.Workflows;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Dvc.Engine.Core.Definitions;
using Dvc.Engine.Core.Forms;
using Dvc.Engine.Core.Rules;
using Dvc.Engine.Core.Templates;
using Dvc.Engine.Core.Tests.Fixtures;

namespace Dvc.Engine.Core.Tests.Definitions;

public sealed class ProcedureCompilerTests : IDisposable
{
    private const string Manifest = FixtureCatalog.ProcedureFolder + "/procedure.json";
    private const string Form = FixtureCatalog.ProcedureFolder + "/form.schema.json";
    private const string Workflow = FixtureCatalog.ProcedureFolder + "/workflow.json";
    private readonly FixtureCatalog _catalog = new();

    public void Dispose() => _catalog.Dispose();

    [Fact]
    public void The_fixture_procedure_compiles_without_any_diagnostic()
    {
        var procedure = _catalog.CompileValid();

        Assert.Equal(FixtureCatalog.Code, procedure.Code);
        Assert.Equal(FixtureCatalog.ProcedureFolder, procedure.Folder);
        Assert.Equal(["receipt", "result"], procedure.Templates.Keys.Order());
        Assert.Equal(64, procedure.ContentHash.Length);
    }

    [Fact]
    public void Shared_fragments_are_inlined_and_sibling_keys_override_them()
    {
        var procedure = _catalog.CompileValid();

        var applicant = procedure.Form.Find("/applicant");
        Assert.NotNull(applicant);
        Assert.Equal("Người đề nghị cấp phép", applicant.Label.Vi);
        Assert.Equal("group", applicant.Widget);
        Assert.NotNull(procedure.Form.Find("/applicant/citizenId"));
        Assert.Equal(["can-cuoc", "anh-chan-dung", "giay-kham-suc-khoe"], procedure.Manifest.Attachments.Select(a => a.Id));
    }

    [Fact]
    public void A_null_next_to_a_ref_drops_that_key_of_the_fragment_for_this_use_only()
    {
        _catalog.EditJson("form.schema.json", form =>
        {
            form["properties"]!["applicant"]!["properties"] = new JsonObject { ["email"] = null, ["citizenId"] = new JsonObject { ["x-ui"] = new JsonObject { ["label"] = new JsonObject { ["vi"] = "Số CCCD", ["en"] = "ID" } } } };
            form["properties"]!["applicant"]!["required"] = new JsonArray("fullName", "birthDate");
        });

        var procedure = _catalog.CompileValid();

        Assert.Null(procedure.Form.Find("/applicant/email"));
        Assert.Equal("Số CCCD", procedure.Form.Find("/applicant/citizenId")!.Label.Vi);
        Assert.Equal(["fullName", "birthDate"], procedure.Form.Find("/applicant")!.Required);
    }

    [Fact]
    public void Missing_part_file_is_reported_at_the_manifest_entry_naming_it()
    {
        _catalog.Delete(FixtureCatalog.ProcedureFolder + "/rules.json");

        var compilation = _catalog.Compile();

        DiagnosticAssert.SingleError(compilation, DefinitionDiagnostics.MissingFile, Manifest, "/parts/rules", _catalog.LineOf(Manifest, "\"rules\": \"rules.json\""));
        Assert.Null(compilation.Procedure);
    }

    [Fact]
    public void Missing_template_file_is_reported_at_its_manifest_entry()
    {
        _catalog.Delete(FixtureCatalog.ProcedureFolder + "/templates/receipt.sbn");

        var compilation = _catalog.Compile();

        DiagnosticAssert.SingleError(compilation, DefinitionDiagnostics.MissingFile, Manifest, "/parts/templates/receipt", _catalog.LineOf(Manifest, "\"templates\""));
    }

    [Fact]
    public void Malformed_json_is_reported_with_the_parser_line_and_column()
    {
        _catalog.Replace("form.schema.json", "\"type\": \"integer\", \"minimum\": 1,", "\"type\": \"integer\" \"minimum\": 1,");

        var compilation = _catalog.Compile();

        var error = DiagnosticAssert.SingleError(compilation, DefinitionDiagnostics.MalformedJson, Form, string.Empty, _catalog.LineOf(Form, "\"type\": \"integer\" \"minimum\""));
        Assert.True(error.Column > 1);
    }

    [Fact]
    public void Workflow_part_that_is_not_json_is_a_diagnostic_in_workflow_json()
    {
        _catalog.Write(Workflow, "{ \"root\": { \"type\": \"Elsa.Flowchart\", } ,, }");

        var compilation = _catalog.Compile();

        DiagnosticAssert.SingleError(compilation, DefinitionDiagnostics.MalformedJson, Workflow, string.Empty, 1);
    }

    [Fact]
    public void Workflow_without_root_is_a_workflow_diagnostic()
    {
        _catalog.Write(Workflow, "{\n  \"id\": \"x\",\n  \"activities\": []\n}");

        var compilation = _catalog.Compile();

        DiagnosticAssert.SingleError(compilation, WorkflowDiagnostics.MissingRoot, Workflow, string.Empty, 1);
    }

    [Fact]
    public void Compiled_procedure_carries_its_compiled_workflow()
    {
        var compilation = new ProcedureCompiler().CompileFolder(_catalog.ProcedurePath);

        Assert.NotNull(compilation.Procedure?.Workflow);
        Assert.Contains("reception", compilation.Procedure.Workflow.ActivityIds);
    }

    [Fact]
    public void Human_task_role_missing_from_the_manifest_keeps_the_procedure_from_being_served()
    {
        _catalog.Replace("workflow.json", "\"role\": \"tiep-nhan\"", "\"role\": \"ke-toan\"");

        var compilation = _catalog.Compile();

        DiagnosticAssert.SingleError(compilation, WorkflowDiagnostics.UnknownRole, Workflow, "/root/activities/1/role");
        Assert.Null(compilation.Procedure);
    }

    [Fact]
    public void Issue_result_naming_a_template_the_manifest_lacks_is_reported()
    {
        _catalog.Replace("workflow.json", "\"template\": \"result\"", "\"template\": \"giay-phep\"");

        var compilation = _catalog.Compile();

        DiagnosticAssert.SingleError(compilation, WorkflowDiagnostics.UnknownProcedurePart, Workflow, "/root/activities/2/template");
    }

    [Fact]
    public void Manifest_that_breaks_the_schema_is_reported_at_the_offending_value()
    {
        _catalog.Replace("procedure.json", "\"administrativeLevel\": \"city\"", "\"administrativeLevel\": \"province\"");

        var compilation = _catalog.Compile();

        DiagnosticAssert.SingleError(compilation, DefinitionDiagnostics.ManifestInvalid, Manifest, "/administrativeLevel", _catalog.LineOf(Manifest, "\"administrativeLevel\""));
    }

    [Fact]
    public void Manifest_missing_a_required_field_is_reported_on_its_parent()
    {
        _catalog.Replace("procedure.json", "\"processingDays\": 5,", string.Empty);

        var compilation = _catalog.Compile();

        DiagnosticAssert.SingleError(compilation, DefinitionDiagnostics.ManifestInvalid, Manifest, string.Empty, 1);
    }

    [Fact]
    public void Manifest_error_inside_a_shared_fragment_names_the_fragment_file()
    {
        _catalog.Replace("../../shared/attachments.json", "\"maxSizeMb\": 2", "\"maxSizeMb\": \"two\"");

        var compilation = _catalog.Compile();

        DiagnosticAssert.SingleError(compilation, DefinitionDiagnostics.ManifestInvalid, "shared/attachments.json", "/portrait/maxSizeMb", _catalog.LineOf("shared/attachments.json", "\"maxSizeMb\": \"two\""));
    }

    [Fact]
    public void Code_that_differs_from_the_folder_name_is_an_error()
    {
        _catalog.Replace("procedure.json", "\"code\": \"HN-TEST-001\"", "\"code\": \"HN-TEST-002\"");

        var compilation = _catalog.Compile();

        DiagnosticAssert.SingleError(compilation, DefinitionDiagnostics.CodeMismatch, Manifest, "/code", 3);
    }

    [Fact]
    public void Two_attachments_with_one_id_are_an_error()
    {
        _catalog.Replace("procedure.json", "\"copies\": \"original\"\n    }", "\"copies\": \"original\"\n    },\n    { \"id\": \"can-cuoc\", \"name\": { \"vi\": \"Trùng\" }, \"required\": false, \"acceptedTypes\": [\"application/pdf\"], \"maxSizeMb\": 1 }");

        var compilation = _catalog.Compile();

        DiagnosticAssert.SingleError(compilation, DefinitionDiagnostics.DuplicateId, Manifest, "/attachments/3/id", _catalog.LineOf(Manifest, "{ \"id\": \"can-cuoc\""));
    }

    [Fact]
    public void A_ref_cycle_is_a_diagnostic_not_a_hang()
    {
        _catalog.Write("shared/loop-a.json", "{ \"x\": { \"$ref\": \"loop-b.json#/y\" } }");
        _catalog.Write("shared/loop-b.json", "{ \"y\": { \"$ref\": \"loop-a.json#/x\" } }");
        _catalog.Replace("form.schema.json", "\"type\": \"integer\", \"minimum\": 1, \"maximum\": 10,", "\"$ref\": \"../../shared/loop-a.json#/x\",");

        var compilation = _catalog.Compile();

        DiagnosticAssert.SingleError(compilation, DefinitionDiagnostics.RefCycle, "shared/loop-b.json", "/y/$ref", 1);
    }

    [Fact]
    public void A_ref_to_a_missing_pointer_is_reported_at_the_ref()
    {
        _catalog.Replace("procedure.json", "shared/attachments.json#/portrait", "shared/attachments.json#/photo");

        var compilation = _catalog.Compile();

        DiagnosticAssert.SingleError(compilation, DefinitionDiagnostics.MissingPointer, Manifest, "/attachments/1/$ref", _catalog.LineOf(Manifest, "#/photo"));
    }

    [Fact]
    public void A_ref_to_a_missing_file_is_reported_at_the_ref()
    {
        _catalog.Replace("procedure.json", "shared/attachments.json#/portrait", "shared/nothing.json#/portrait");

        var compilation = _catalog.Compile();

        DiagnosticAssert.SingleError(compilation, DefinitionDiagnostics.MissingFile, Manifest, "/attachments/1/$ref", _catalog.LineOf(Manifest, "nothing.json"));
    }

    [Fact]
    public void A_ref_that_leaves_the_catalog_folder_is_refused()
    {
        _catalog.Replace("procedure.json", "shared/attachments.json#/portrait", "../../../../../etc/passwd#/x");

        var compilation = _catalog.Compile();

        DiagnosticAssert.SingleError(compilation, DefinitionDiagnostics.InvalidRef, Manifest, "/attachments/1/$ref", _catalog.LineOf(Manifest, "etc/passwd"));
    }

    [Fact]
    public void A_chain_of_refs_deeper_than_the_limit_is_refused()
    {
        for (var i = 0; i < 20; i++)
        {
            _catalog.Write($"shared/chain-{i}.json", $"{{ \"v\": {{ \"$ref\": \"chain-{i + 1}.json#/v\" }} }}");
        }

        _catalog.Write("shared/chain-20.json", "{ \"v\": { \"type\": \"integer\" } }");
        _catalog.Replace("form.schema.json", "\"type\": \"integer\", \"minimum\": 1, \"maximum\": 10,", "\"$ref\": \"../../shared/chain-0.json#/v\",");

        var compilation = _catalog.Compile();

        DiagnosticAssert.SingleError(compilation, DefinitionDiagnostics.RefTooDeep, "shared/chain-15.json", "/v/$ref", 1);
    }

    [Fact]
    public void A_fragment_that_expands_exponentially_is_stopped()
    {
        // Each level references the previous one ten times: 10^8 values if nothing stopped it.
        _catalog.Write("shared/laugh-0.json", "{ \"v\": [1,2,3,4,5,6,7,8,9,10] }");
        for (var i = 1; i <= 8; i++)
        {
            var refs = string.Join(",", Enumerable.Repeat($"{{ \"$ref\": \"laugh-{i - 1}.json#/v\" }}", 10));
            _catalog.Write($"shared/laugh-{i}.json", $"{{ \"v\": [{refs}] }}");
        }

        _catalog.Replace("form.schema.json", "\"$schema\": \"http://json-schema.org/draft-07/schema#\",", "\"$schema\": \"http://json-schema.org/draft-07/schema#\", \"x-laugh\": { \"$ref\": \"../../shared/laugh-8.json#/v\" },");
        // Unstopped, the expansion would exhaust memory long before answering; the diagnostic is the behaviour.
        var compilation = _catalog.Compile();

        Assert.Equal(DefinitionDiagnostics.RefTooDeep, Assert.Single(compilation.Diagnostics, d => d.IsError).Code);
    }

    [Fact]
    public void A_50_MB_part_is_rejected_before_it_is_read_and_quickly()
    {
        using (var stream = File.Create(_catalog.PathOf(Form)))
        {
            var chunk = new byte[1024 * 1024];
            Array.Fill(chunk, (byte)' ');
            chunk[0] = (byte)'[';
            stream.Write(chunk);
            chunk[0] = (byte)' ';
            for (var i = 1; i < 50; i++)
            {
                stream.Write(chunk);
            }
        }

        var stopwatch = Stopwatch.StartNew();

        var compilation = _catalog.Compile();

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), $"took {stopwatch.Elapsed}");
        DiagnosticAssert.SingleError(compilation, DefinitionDiagnostics.FileTooLarge, Form, string.Empty, 0);
    }

    [Fact]
    public void Json_nested_deeper_than_the_limit_is_malformed_not_a_stack_overflow()
    {
        var deep = new string('[', 10_000) + new string(']', 10_000);
        _catalog.Write(Workflow, deep);

        var compilation = _catalog.Compile();

        DiagnosticAssert.SingleError(compilation, DefinitionDiagnostics.MalformedJson, Workflow, string.Empty, 1);
    }

    [Fact]
    public void One_broken_procedure_does_not_stop_the_rest_of_the_catalog()
    {
        _catalog.AddCopy("HN-TEST-002");
        _catalog.Write("procedures/HN-TEST-002/rules.json", "[ { ");
        _catalog.AddCopy("HN-TEST-003");
        Directory.CreateDirectory(_catalog.PathOf("procedures/EMPTY-FOLDER"));

        var catalog = new ProcedureCompiler().CompileCatalog(_catalog.Root);

        Assert.Equal(["EMPTY-FOLDER", "HN-TEST-001", "HN-TEST-002", "HN-TEST-003"], catalog.Procedures.Select(p => p.Code));
        Assert.Equal(["HN-TEST-001", "HN-TEST-003"], catalog.Compiled.Select(p => p.Code));
        Assert.Equal(DefinitionDiagnostics.ManifestMissing, Assert.Single(catalog.Procedures[0].Diagnostics).Code);
        Assert.Equal(DefinitionDiagnostics.MalformedJson, Assert.Single(catalog.Procedures[2].Diagnostics).Code);
    }

    [Fact]
    public void A_catalog_compiles_the_same_in_parallel_as_one_at_a_time()
    {
        for (var i = 2; i <= 12; i++)
        {
            _catalog.AddCopy($"HN-TEST-{i:000}");
        }

        _catalog.Write("procedures/HN-TEST-005/rules.json", "[");
        _catalog.Replace("../HN-TEST-009/form.schema.json", "\"widget\": \"radio\"", "\"widget\": \"slider\"");

        var sequential = new ProcedureCompiler(new ProcedureCompilerOptions { MaxDegreeOfParallelism = 1 }).CompileCatalog(_catalog.Root);
        var parallel = new ProcedureCompiler(new ProcedureCompilerOptions { MaxDegreeOfParallelism = 4 }).CompileCatalog(_catalog.Root);

        Assert.Equal(sequential.Procedures.Select(p => p.Code), parallel.Procedures.Select(p => p.Code));
        Assert.Equal(sequential.AllDiagnostics, parallel.AllDiagnostics);
        Assert.Equal(sequential.Compiled.Select(p => p.ContentHash), parallel.Compiled.Select(p => p.ContentHash));
        Assert.Equal(11, parallel.Compiled.Count());
    }

    [Fact]
    public void An_empty_catalog_compiles_to_nothing()
    {
        var empty = Path.Combine(_catalog.Root, "empty");
        Directory.CreateDirectory(Path.Combine(empty, "procedures"));

        var catalog = new ProcedureCompiler().CompileCatalog(empty);

        Assert.Empty(catalog.Procedures);
        Assert.Empty(catalog.Diagnostics);
    }

    [Fact]
    public void Two_folders_with_one_code_are_a_catalog_error()
    {
        _catalog.AddCopy("HN-TEST-002");
        _catalog.Replace("../HN-TEST-002/procedure.json", "\"code\": \"HN-TEST-002\"", "\"code\": \"HN-TEST-001\"");

        var catalog = new ProcedureCompiler().CompileCatalog(_catalog.Root);

        Assert.Equal(DefinitionDiagnostics.DuplicateCode, Assert.Single(catalog.Diagnostics).Code);
    }

    [Fact]
    public void A_folder_without_procedures_is_not_a_catalog()
    {
        var catalog = new ProcedureCompiler().CompileCatalog(_catalog.PathOf("shared"));

        Assert.Equal(DefinitionDiagnostics.NotACatalog, Assert.Single(catalog.Diagnostics).Code);
    }

    [Fact]
    public void Content_hash_ignores_json_whitespace_but_not_content()
    {
        var first = _catalog.CompileValid().ContentHash;
        _catalog.Replace("rules.json", "[\n  {", "[\n\n     {");
        var reformatted = _catalog.CompileValid().ContentHash;
        _catalog.Replace("rules.json", "\"amount\": 135000", "\"amount\": 140000");
        var changed = _catalog.CompileValid().ContentHash;

        Assert.Equal(first, reformatted);
        Assert.NotEqual(first, changed);
    }

    [Fact]
    public void Two_versions_of_one_procedure_share_the_rules_engine_without_colliding()
    {
        var compiler = new ProcedureCompiler();
        var v1 = _catalog.Compile(compiler).Procedure!;
        _catalog.Replace("procedure.json", "\"version\": \"1.0.0\"", "\"version\": \"1.1.0\"");
        _catalog.Replace("rules.json", "\"amount\": 135000", "\"amount\": 140000");
        var v2 = _catalog.Compile(compiler).Procedure!;
        var data = JsonNode.Parse("""{ "applicant": { "birthDate": "1990-01-01" }, "copies": 1, "permitType": "thuong", "delivery": "counter" }""")!.AsObject();

        Assert.Equal(135000, v1.ComputeFee(data, new DateOnly(2026, 3, 2)).Total);
        Assert.Equal(140000, v2.ComputeFee(data, new DateOnly(2026, 3, 2)).Total);
        Assert.Equal(6, compiler.Rules.WorkflowCount);
    }
}
