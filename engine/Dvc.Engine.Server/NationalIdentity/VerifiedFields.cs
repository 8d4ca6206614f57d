using System.Text.Json.Nodes;
using Dvc.Engine.Core.Definitions;
using Dvc.Engine.Core.Forms;
using Dvc.Engine.Persistence.Identity;
using Dvc.Engine.Server.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Dvc.Engine.Server.NationalIdentity;

/// <summary>
/// The form fields a citizen signed in with the national identity does not type (<c>x-ui.prefill</c>): their values
/// come from the claims the provider gave at that sign-in, the form shows them locked, and a submission that changes
/// one is refused. A password session, or an officer filing at the counter, gets none: nothing was verified then.
/// </summary>
internal sealed class VerifiedFields(UserManager<DvcUser> users)
{
    private static readonly IReadOnlyDictionary<string, string> None = new Dictionary<string, string>();

    /// <summary>Verified values by data pointer (<c>/applicant/fullName</c> → "Nguyễn Văn An").</summary>
    public async Task<IReadOnlyDictionary<string, string>> ForAsync(FormDefinition form, Viewer viewer)
    {
        if (!viewer.NationalIdentitySession || viewer.IsStaff || viewer.UserId is null || !form.AllFields().Any(f => f.Prefill is not null))
        {
            return None;
        }

        if (VerifiedIdentity.FromJson((await users.FindByIdAsync(viewer.UserId))?.VerifiedClaimsJson) is not { } identity)
        {
            return None;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in form.AllFields())
        {
            if (field.Prefill is { } prefill && identity[prefill.Claim] is { } claim && prefill.ValueFor(claim) is { } value)
            {
                values[field.DataPointer] = value;
            }
        }

        return values;
    }

    /// <summary>The pointers whose submitted value is not the verified one (changed, emptied or left out).</summary>
    public static IEnumerable<string> Changed(JsonObject data, IReadOnlyDictionary<string, string> verified) =>
        verified.Where(v => !JsonPointer.TryNavigate(data, v.Key, out var node) || node is not JsonValue value
                || !value.TryGetValue<string>(out var text) || text != v.Value)
            .Select(v => v.Key);

    /// <summary>Writes the verified values into a form's data (creating the groups they sit in).</summary>
    public static JsonObject Fill(JsonObject data, IReadOnlyDictionary<string, string> verified)
    {
        foreach (var (pointer, value) in verified)
        {
            var tokens = JsonPointer.Parse(pointer) ?? [];
            var node = data;
            foreach (var token in tokens.SkipLast(1))
            {
                if (node[token] is not JsonObject child)
                {
                    node[token] = child = [];
                }

                node = child;
            }

            if (tokens.Count > 0)
            {
                node[tokens[^1]] = value;
            }
        }

        return data;
    }
}
