using Dvc.Engine.Core.Workflows;

namespace Dvc.Engine.Core.Tests.Workflows;

public sealed class ActivityRegistryTests
{
    [Theory]
    [InlineData("Elsa.Flowchart")]
    [InlineData("Elsa.Sequence")]
    [InlineData("Elsa.FlowNode")]
    [InlineData("Elsa.FlowDecision")]
    [InlineData("Elsa.FlowSwitch")]
    [InlineData("Elsa.FlowFork")]
    [InlineData("Elsa.FlowJoin")]
    [InlineData("Elsa.Fork")]
    [InlineData("Elsa.If")]
    [InlineData("Elsa.SetVariable")]
    [InlineData("Elsa.SetOutput")]
    [InlineData("Elsa.Start")]
    [InlineData("Elsa.End")]
    [InlineData("Elsa.Finish")]
    [InlineData("Elsa.Complete")]
    [InlineData("Elsa.Fault")]
    [InlineData("Elsa.WriteLine")]
    [InlineData("Elsa.Correlate")]
    [InlineData("Elsa.Delay")]
    [InlineData("Elsa.Timer")]
    [InlineData("Elsa.Event")]
    [InlineData("Elsa.RunTask")]
    [InlineData("Dvc.HumanTask")]
    [InlineData("Dvc.EvaluateRules")]
    [InlineData("Dvc.RequestPayment")]
    [InlineData("Dvc.WaitForSupplement")]
    [InlineData("Dvc.IssueResult")]
    [InlineData("Dvc.Notify")]
    [InlineData("Dvc.SyncNationalPortal")]
    public void Every_supported_activity_has_a_palette_descriptor_with_a_vietnamese_name(string type)
    {
        var descriptor = ActivityRegistry.CreateDefault().Find(type);

        Assert.NotNull(descriptor);
        Assert.False(string.IsNullOrWhiteSpace(descriptor.DisplayNameVi));
        Assert.False(string.IsNullOrWhiteSpace(descriptor.Category));
    }

    [Fact]
    public void Domain_descriptors_come_from_the_attributes()
    {
        var payment = ActivityRegistry.CreateDefault().Find("Dvc.RequestPayment")!;

        Assert.Equal(["Paid", "Failed", "Expired"], payment.Outcomes);
        Assert.Equal(["amount", "description", "days", "daysUnit", "expiresInHours"], payment.Inputs.Select(x => x.Name));
        Assert.Equal("Decimal", payment.Inputs[0].TypeName);
        Assert.Equal("transactionId", Assert.Single(payment.Outputs).Name);
        Assert.Equal("Yêu cầu thanh toán", payment.DisplayNameVi);
    }

    [Fact]
    public void A_human_task_takes_its_outcomes_from_its_json()
    {
        var task = ActivityRegistry.CreateDefault().Find("Dvc.HumanTask")!;

        Assert.Equal("outcomes", task.OutcomesProperty);
        Assert.True(task.Inputs.Single(x => x.Name == "outcomes").IsPlain);
        Assert.Equal(["role", "title", "slaDays", "daysUnit", "outcomes", "outcomeLabels", "form", "agency", "shows"], task.Inputs.Select(x => x.Name));
    }
}
