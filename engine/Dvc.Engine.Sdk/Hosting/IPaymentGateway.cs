namespace Dvc.Engine.Sdk.Hosting;

/// <summary>
/// An online payment gateway a plugin connects. While a dossier waits on <see cref="BookmarkNames.Payment"/> — from the
/// built-in payment step or a plugin's — the portal sends its applicant to <see cref="PayPath"/> instead of the host's
/// local confirmation, and only the gateway's own confirmation resumes the workflow.
/// </summary>
public interface IPaymentGateway
{
    /// <summary>The host-relative page that starts paying the dossier's open request; null when no gateway is connected.</summary>
    string? PayPath(string dossierCode);
}
