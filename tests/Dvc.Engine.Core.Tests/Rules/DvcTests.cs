using DvcFunctions = Dvc.Engine.Core.Rules.Functions.Dvc;

namespace Dvc.Engine.Core.Tests.Rules;

public sealed class DvcTests
{
    [Theory]
    [InlineData("2008-03-02", "2026-03-02", 18)]
    [InlineData("2008-03-03", "2026-03-02", 17)]
    [InlineData("2008-02-29", "2026-02-28", 17)]
    [InlineData("2008-02-29", "2026-03-01", 18)]
    public void Age_counts_full_years(string birth, string on, int age)
    {
        Assert.Equal(age, DvcFunctions.Age(DateTime.Parse(birth, System.Globalization.CultureInfo.InvariantCulture), DateTime.Parse(on, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Age_of_a_blank_date_is_null()
    {
        Assert.Null(DvcFunctions.Age(null, new DateTime(2026, 1, 1)));
    }

    [Fact]
    public void Days_between_is_signed_and_ignores_time()
    {
        Assert.Equal(3, DvcFunctions.DaysBetween(new DateTime(2026, 1, 1, 23, 0, 0), new DateTime(2026, 1, 4, 1, 0, 0)));
        Assert.Equal(-3, DvcFunctions.DaysBetween(new DateTime(2026, 1, 4), new DateTime(2026, 1, 1)));
        Assert.Null(DvcFunctions.DaysBetween(null, new DateTime(2026, 1, 1)));
    }

    [Fact]
    public void Count_of_a_blank_list_is_zero()
    {
        Assert.Equal(0, DvcFunctions.Count(null));
        Assert.Equal(3, DvcFunctions.Count(new List<string> { "a", "b", "c" }));
        Assert.Equal(2, DvcFunctions.Count(Enumerable.Range(0, 2)));
    }
}
