using Emulation.Kernel.Text;

namespace Emulation.UnitTests;

public sealed class VietnameseNumberTests
{
    [Theory]
    [InlineData("1.500", "1500")]
    [InlineData("50.000.000", "50000000")]
    [InlineData("12,5", "12.5")]
    [InlineData("1.234,5", "1234.5")]
    [InlineData("0,125", "0.125")]
    [InlineData("1500000", "1500000")]
    [InlineData("-2,75", "-2.75")]
    [InlineData(" 7 ", "7")]
    public void Reads_grouping_dots_and_a_decimal_comma(string text, string expected)
    {
        var (value, error) = VietnameseNumber.Parse(text);
        Assert.Null(error);
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("1.5")]          // an English decimal, or a slip: never one and a half silently
    [InlineData("1,500")]        // 1.5 here, 1500 in English
    [InlineData("1,234.5")]
    [InlineData("1.234.5")]
    [InlineData("1.2345")]
    [InlineData("12,5,1")]
    [InlineData("abc")]
    [InlineData("NaN")]
    [InlineData("1e309")]
    [InlineData("")]
    public void Refuses_what_it_cannot_read_one_way_only(string text)
    {
        var (value, error) = VietnameseNumber.Parse(text);
        Assert.Null(value);
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Fact]
    public void A_whole_number_field_refuses_decimals_instead_of_rounding()
    {
        Assert.Equal(1500, VietnameseNumber.ParseWhole("1.500").Value);
        var (value, error) = VietnameseNumber.ParseWhole("12,5");
        Assert.Null(value);
        Assert.Contains("số nguyên", error);
    }

    [Theory]
    [InlineData("1500000", "1.500.000")]
    [InlineData("12.5", "12,5")]
    [InlineData("1234.5", "1.234,5")]
    public void Shows_numbers_the_way_it_reads_them(string number, string text)
    {
        var value = decimal.Parse(number, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(text, VietnameseNumber.Text(value));
        Assert.Equal(value, VietnameseNumber.Parse(text).Value);
    }

    [Theory]
    [InlineData("31/12/2026", 2026, 12, 31)]
    [InlineData("1/2/2027", 2027, 2, 1)]
    [InlineData("2026-12-31", 2026, 12, 31)]
    public void Reads_day_month_year_and_iso_dates(string text, int y, int m, int d) =>
        Assert.Equal(new DateOnly(y, m, d), VietnameseDate.Parse(text).Value);

    [Theory]
    [InlineData("31/02/2026")]
    [InlineData("12/31/2026")]
    [InlineData("62027-12-31")]
    [InlineData("31/12/1850")]
    [InlineData("01/01/2101")]
    [InlineData("hôm nay")]
    public void Refuses_impossible_dates_and_years_outside_the_sane_range(string text)
    {
        var (value, error) = VietnameseDate.Parse(text);
        Assert.Null(value);
        Assert.False(string.IsNullOrWhiteSpace(error));
    }
}

public sealed class VietnamClockTests
{
    sealed class At(DateTimeOffset now) : TimeProvider { public override DateTimeOffset GetUtcNow() => now; }

    [Fact]
    public void The_date_is_vietnams_even_when_it_is_still_yesterday_in_utc()
    {
        var clock = new At(new DateTimeOffset(2026, 12, 31, 17, 30, 0, TimeSpan.Zero));
        Assert.Equal(new DateOnly(2027, 1, 1), Emulation.Kernel.VietnamClock.VietnamToday(clock));
        Assert.Equal(new DateOnly(2026, 12, 31), Emulation.Kernel.VietnamClock.VietnamToday(new At(new DateTimeOffset(2026, 12, 31, 16, 59, 0, TimeSpan.Zero))));
    }
}
