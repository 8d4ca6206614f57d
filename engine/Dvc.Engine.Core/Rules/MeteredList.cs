using System.Collections;

namespace Dvc.Engine.Core.Rules;

/// <summary>
/// A repeated form field as rule expressions see it (<c>input.children</c>): a read-only list whose every enumerated item
/// charges the evaluation's <see cref="RuleBudget"/>. It deliberately is not an <see cref="ICollection{T}"/> or
/// <see cref="IList{T}"/>, so LINQ cannot copy or index around the enumerator; <c>Count</c> and <c>[i]</c> stay cheap.
/// </summary>
public sealed class MeteredList<T> : IReadOnlyList<T>
{
    private readonly List<T> _items;
    private readonly RuleBudget? _budget;

    internal MeteredList(List<T> items, RuleBudget? budget)
    {
        _items = items;
        _budget = budget;
    }

    public int Count => _items.Count;

    public T this[int index] => _items[index];

    public IEnumerator<T> GetEnumerator()
    {
        foreach (var item in _items)
        {
            _budget?.Step();
            yield return item;
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
