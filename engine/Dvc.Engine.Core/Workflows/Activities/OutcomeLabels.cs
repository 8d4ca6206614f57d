using System.Collections.Frozen;
using System.Text.Json.Nodes;
using Dvc.Engine.Core.Definitions;

namespace Dvc.Engine.Core.Workflows.Activities;

/// <summary>
/// What people read for a human task's outcome: the label the workflow declares in the task's <c>outcomeLabels</c>,
/// else the label of a common one-stop-shop decision below, so an outcome id ("RequestSupplement") never reaches a
/// page. An outcome with neither is a compile warning (DVC-WF-017).
/// </summary>
public static class OutcomeLabels
{
    private static readonly FrozenDictionary<string, LocalizedText> Common = new Dictionary<string, LocalizedText>(StringComparer.Ordinal)
    {
        ["Accept"] = new("Tiếp nhận hồ sơ", "Accept the dossier"),
        ["Approve"] = new("Phê duyệt", "Approve"),
        ["Reject"] = new("Từ chối", "Refuse"),
        ["RequestSupplement"] = new("Yêu cầu bổ sung hồ sơ", "Ask for a supplement"),
        ["Submit"] = new("Trình lãnh đạo", "Submit for signature"),
        ["Recommend"] = new("Đề xuất cấp", "Recommend issuing"),
        ["Verified"] = new("Đã xác minh", "Verified"),
        ["Delivered"] = new("Đã trả kết quả", "Result delivered"),
        ["Sign"] = new("Ký duyệt", "Sign"),
        ["Record"] = new("Ghi sổ", "Record"),
        ["Deliver"] = new("Trả kết quả", "Deliver the result"),
        ["Done"] = new("Hoàn thành", "Done"),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The declared label of <paramref name="outcome"/> in <paramref name="declared"/> (<c>{ "Accept": { "vi", "en" } }</c>), else the common one; null when neither exists.</summary>
    public static LocalizedText? Find(string outcome, JsonObject? declared) =>
        LocalizedText.From(declared?[outcome]) ?? Common.GetValueOrDefault(outcome);

    /// <summary>The label to show: <see cref="Find"/>, or the outcome itself as a last resort (the compiler warned).</summary>
    public static LocalizedText Of(string outcome, JsonObject? declared) => Find(outcome, declared) ?? LocalizedText.Both(outcome);
}
