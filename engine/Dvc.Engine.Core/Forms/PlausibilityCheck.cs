namespace Dvc.Engine.Core.Forms;

/// <summary>
/// A check a form declares in a field's <c>x-validate</c> that JSON Schema cannot express, reported at the field like
/// any other field error. On a date: <c>before</c>, <c>notAfter</c>, <c>after</c>, <c>notBefore</c> another date —
/// a sibling field's name, a pointer from the form's root, or <c>$submittedOn</c> (the day the citizen sends it). On a
/// repeating group: <c>sum</c> of one number field of its items (<c>{ "of": "share", "equals": 100 }</c>, or
/// <c>min</c>/<c>max</c>).
/// </summary>
/// <param name="Keyword">before, notAfter, after, notBefore or sum (also the <c>x-ui.errors</c> key of its message).</param>
/// <param name="Reference">The other date, or for <c>sum</c> the item field added up.</param>
public sealed record PlausibilityCheck(string Keyword, string Reference, decimal? EqualsValue = null, decimal? Min = null, decimal? Max = null)
{
    /// <summary>The day the submission is made: for a new dossier its submission date, for a supplement the day it is sent.</summary>
    public const string SubmittedOn = "$submittedOn";

    public static readonly IReadOnlyList<string> DateKeywords = ["before", "notAfter", "after", "notBefore"];

    /// <summary>Whether <paramref name="value"/> stands in the declared order to <paramref name="other"/>.</summary>
    public bool Holds(DateOnly value, DateOnly other) => Keyword switch
    {
        "before" => value < other,
        "notAfter" => value <= other,
        "after" => value > other,
        _ => value >= other,
    };
}
