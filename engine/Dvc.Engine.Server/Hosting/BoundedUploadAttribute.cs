using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Dvc.Engine.Server.Hosting;

/// <summary>
/// A form page that takes uploads. It reads the body up to <see cref="UploadOptions.CeilingBytes"/>, so a post over
/// the request limit (the page script was off or bypassed) still reaches the page, which shows the form again with
/// the typed data and an error at the files (<see cref="Dossiers.KeptUploads.Oversized"/>). Beyond the ceiling it stops
/// reading and answers the portal's 413 page, never the framework's bare status or a JSON problem.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
internal sealed class BoundedUploadAttribute : Attribute, IAsyncAuthorizationFilter, IOrderedFilter
{
    /// <summary>
    /// After sign-in is required and <see cref="RequestSizeLimitAttribute"/> and <see cref="RequestFormLimitsAttribute"/>
    /// set the limits (900), before the antiforgery check (1000) reads the form and would answer a bare 400.
    /// </summary>
    public int Order => 950;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var request = context.HttpContext.Request;
        if (request.HasFormContentType)
        {
            try
            {
                await request.ReadFormAsync(context.HttpContext.RequestAborted);
            }
            catch (BadHttpRequestException bad)
            {
                context.Result = new StatusCodeResult(bad.StatusCode);
            }
            catch (InvalidDataException)
            {
                // The multipart reader's own ceiling, or a malformed body.
                context.Result = new StatusCodeResult(request.ContentLength is null or > UploadOptions.CeilingBytes
                    ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest);
            }
        }
    }
}
