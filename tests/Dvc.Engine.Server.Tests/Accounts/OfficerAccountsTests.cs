using System.Net;
using Dvc.Engine.Server.Tests.Infrastructure;

namespace Dvc.Engine.Server.Tests.Accounts;

public sealed class OfficerAccountsTests(DvcServerFactory server) : IClassFixture<DvcServerFactory>
{
    private const string Page = "/admin/officers";

    [Theory]
    [InlineData("tiep-nhan", true)]
    [InlineData("lanh-dao", false)]
    public async Task An_officer_created_by_the_agency_admin_sees_only_tasks_of_the_roles_given(string taskRole, bool seesReception)
    {
        var admin = server.CreateBrowserlessClient();
        await DvcServerFactory.SignInAsync(admin, "lanhdao.hn-p-ba-dinh@dvc.local", "CanBo@2026");
        var email = $"canbo-{taskRole}-{Guid.NewGuid():N}@test.local";
        var (_, token) = await PageForms.GetAsync(admin, Page);

        var created = await PageForms.PostAsync(admin, Page, token,
            [new("fullName", "Nguyễn Thị Hoa"), new("email", email), new("password", "CanBo@2026x"), new("role", "Officer"), new("taskRoles", taskRole)]);
        var officer = server.CreateBrowserlessClient();
        await DvcServerFactory.SignInAsync(officer, email, "CanBo@2026x");
        var code = await Submissions.SubmitBirthRegistrationAsync(await server.NewCitizenAsync());
        var task = await Inbox.OpenTaskAsync(officer, code);

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Contains(email, await created.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(seesReception, task is not null);
    }

    [Fact]
    public async Task A_plain_officer_cannot_manage_accounts()
    {
        var officer = await server.OfficerAsync("HN-P-BA-DINH");

        var response = await officer.GetAsync(Page);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/denied", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}
