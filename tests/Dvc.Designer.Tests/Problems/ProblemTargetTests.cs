using Dvc.Designer.Drafts;
using Dvc.Designer.Problems;
using Dvc.Designer.Tests.Infrastructure;
using Dvc.Engine.Core.Definitions;

namespace Dvc.Designer.Tests.Problems;

public sealed class ProblemTargetTests
{
    private static readonly ProcedureDocument Document = ProcedureDocument.Load("HN-TP-002", Definitions.Procedure("HN-TP-002"));

    [Theory]
    [InlineData("form.schema.json", "/properties/applicant/x-ui/label", TargetKind.Field, "applicant", "x-ui/label")]
    [InlineData("form.schema.json", "/properties/items/items/properties/name/pattern", TargetKind.Field, "items/*/name", "pattern")]
    [InlineData("form.schema.json", "/required/3", TargetKind.General, null, "form")]
    [InlineData("form.schema.json", "/x-ui/sections/1/fields/0", TargetKind.Section, "1", "fields/0")]
    [InlineData("procedure.json", "/attachments/2/id", TargetKind.Attachment, "2", "id")]
    [InlineData("procedure.json", "/processingDays", TargetKind.General, null, "processingDays")]
    [InlineData("rules.json", "/2/Rules/0/Properties/attachment", TargetKind.Rule, "can-ban-an-ly-hon", "Properties/attachment")]
    [InlineData("workflow.json", "/root/activities/3", TargetKind.File, "workflow.json", "")]
    public void A_diagnostic_points_at_the_element_and_property_it_names(string file, string pointer, TargetKind kind, string? element, string property)
    {
        var target = ProblemTarget.For(new Diagnostic("DVC-X", DiagnosticSeverity.Error, "m", "procedures/HN-TP-002/" + file, pointer, 3, 1), Document);

        Assert.Equal(kind, target.Kind);
        Assert.Equal(element, target.Element);
        Assert.Equal(property, target.Property);
    }
}
