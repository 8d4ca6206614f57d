using System.Security.Claims;
using Dvc.Engine.Server.Accounts;
using Dvc.Engine.Server.Endpoints.Catalog;
using Dvc.Engine.Server.Endpoints.Dossiers;
using Dvc.Engine.Server.Dossiers;
using Dvc.Engine.Server.Errors;
using Dvc.Engine.Server.Localization;
using Dvc.Engine.Server.Tasks;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dvc.Engine.Server.Endpoints.Tasks;

/// <summary>The officer inbox over HTTP: only tasks of the officer's agency and roles are visible.</summary>
internal static class TaskEndpoints
{
    public static RouteGroupBuilder MapTaskEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/tasks").WithTags("Tasks").RequireAuthorization(DvcPolicies.Staff)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("/", List).WithName("ListTasks").WithSummary("Tasks of the officer's agency and roles; filter by procedure, status (Open, Claimed, Completed), due date, and search by dossier code, applicant name or citizen ID.");
        group.MapGet("/{id:guid}", Get).WithName("GetTask").WithSummary("A task with its dossier (for another agency's step: only the fields and attachments it shows).").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id:guid}/attachments/{attachmentId:guid}", Attachment).WithName("DownloadTaskAttachment").WithSummary("Download a file of the task's dossier that the step shows.").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:guid}/claim", Claim).WithName("ClaimTask").WithSummary("Take a task so colleagues see who handles it.").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapDelete("/{id:guid}/claim", Unclaim).WithName("UnclaimTask").WithSummary("Give a claimed task back to the agency's queue.").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/completion", Complete).WithName("CompleteTask").WithSummary("Complete a task with an outcome; the workflow continues.").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return group;
    }

    private static async Task<Results<Ok<TaskDto[]>, ValidationProblem>> List(
        ClaimsPrincipal user, TaskInbox inbox, PortalText text, string? procedure, string? status, DateOnly? dueBefore, bool? overdue, string? search, CancellationToken ct)
    {
        // An unknown status used to fall back to "not completed" silently, so a typo looked like a real answer.
        string? known = null;
        if (!string.IsNullOrWhiteSpace(status) && (known = TaskStatuses.Parse(status)) is null)
        {
            return ApiProblems.Validation(new Dictionary<string, string[]> { ["/status"] = [text.Format("api.taskStatusUnknown", string.Join(", ", TaskStatuses.All))] }, text);
        }

        var tasks = await inbox.ListAsync(Viewer.From(user), new TaskQuery(procedure, known, dueBefore, overdue ?? false, search), ct);
        return TypedResults.Ok(tasks.Select(ToDto).ToArray());
    }

    private static async Task<Results<Ok<TaskDetailDto>, ProblemHttpResult>> Get(Guid id, ClaimsPrincipal user, TaskInbox inbox, PortalText text, CancellationToken ct) =>
        await inbox.FindAsync(id, Viewer.From(user), ct) is { } found
            ? TypedResults.Ok(new TaskDetailDto(ToDto(found.Task), DossierEndpoints.ToDto(found.Dossier)))
            : ApiProblems.NotFound(text);

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Attachment(Guid id, Guid attachmentId, ClaimsPrincipal user, TaskInbox inbox, PortalText text, CancellationToken ct) =>
        await inbox.GetAttachmentAsync(id, attachmentId, Viewer.From(user), ct) is { } file
            ? TypedResults.File(file.Content, file.ContentType, file.FileName)
            : ApiProblems.NotFound(text);

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Claim(Guid id, ClaimsPrincipal user, TaskInbox inbox, PortalText text, CancellationToken ct) =>
        DossierEndpoints.ToResult(await inbox.ClaimAsync(id, Viewer.From(user), ct), text);

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Unclaim(Guid id, ClaimsPrincipal user, TaskInbox inbox, PortalText text, CancellationToken ct) =>
        DossierEndpoints.ToResult(await inbox.UnclaimAsync(id, Viewer.From(user), ct), text);

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Complete(
        Guid id, CompleteTaskRequest request, ClaimsPrincipal user, TaskInbox inbox, PortalText text, CancellationToken ct) =>
        DossierEndpoints.ToResult(await inbox.CompleteAsync(
            id,
            Viewer.From(user),
            request.Outcome,
            request.Comment,
            request.Supplement is { } named ? new SupplementScope(named.Fields ?? [], named.Attachments ?? []) : null,
            ct), text);

    private static TaskDto ToDto(TaskSummary t) => new(
        t.Id, t.Title, t.DossierCode, t.ProcedureCode, CatalogEndpoints.ToDto(t.ProcedureName), t.AgencyCode, t.Role, t.Status,
        t.AssigneeName, t.CreatedAt, t.DueAt, t.Overdue, [.. t.Outcomes.Select(o => o.Name)],
        t.Outcomes.ToDictionary(o => o.Name, o => o.Label.Get(System.Globalization.CultureInfo.CurrentUICulture)));
}
