using System.Text.Encodings.Web;
using Emulation.Kernel.Web;
using Emulation.Kernel.Web.Forms;
using Emulation.Registry.Models;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Emulation.UnitTests;

/// <summary>The shared form components rendered on their own with ASP.NET Core's HtmlRenderer (no bUnit).</summary>
public sealed class ComponentTests
{
    static async Task<string> Render<T>(Dictionary<string, object?> parameters) where T : IComponent
    {
        var services = new ServiceCollection().AddSingleton<HtmlEncoder>(PagesSetup.Encoder).BuildServiceProvider();
        await using var renderer = new HtmlRenderer(services, NullLoggerFactory.Instance);
        return await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<T>(ParameterView.FromDictionary(parameters))).ToHtmlString());
    }

    [Fact]
    public async Task Values_are_encoded_and_vietnamese_letters_stay_readable()
    {
        var html = await Render<TextField>(new() { ["Name"] = "name", ["Label"] = "Phường 1 & Đông Sơn", ["Value"] = "<script>alert('x')</script>" });
        Assert.Contains("value=\"&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;\"", html);
        Assert.Contains("Phường 1 &amp; Đông Sơn", html);
        Assert.DoesNotContain("<script>", html);
    }

    [Fact]
    public async Task A_field_error_is_tied_to_its_input()
    {
        var html = await Render<TextField>(new() { ["Name"] = "code", ["Label"] = "Mã", ["Hint"] = "Ví dụ: CM-P1", ["Required"] = true });
        Assert.Contains("id=\"f-code\"", html);
        Assert.Contains("aria-describedby=\"f-code-err f-code-hint\"", html);
        Assert.Contains("<em class=\"field-error\" id=\"f-code-err\" data-for=\"code\"></em>", html);
        Assert.Contains("<small id=\"f-code-hint\">Ví dụ: CM-P1</small>", html);
        Assert.Contains(" required", html);
    }

    [Fact]
    public async Task An_irreversible_action_asks_before_it_is_sent()
    {
        var html = await Render<ApiForm>(new() { ["Action"] = "/api/x/accept", ["Submit"] = "Công nhận", ["Confirm"] = "Công nhận “A”?" });
        Assert.Contains("class=\"api-form \"", html);
        Assert.Contains("data-action=\"/api/x/accept\"", html);
        Assert.Contains("data-confirm=\"Công nhận “A”?\"", html);
        Assert.Contains("<div class=\"form-error\" role=\"alert\" tabindex=\"-1\" hidden></div>", html);
        var plain = await Render<ApiForm>(new() { ["Action"] = "/api/x", ["Submit"] = "Lưu" });
        Assert.DoesNotContain("data-confirm", plain);
    }

    [Fact]
    public async Task A_select_marks_the_chosen_option()
    {
        var html = await Render<SelectField>(new()
        {
            ["Name"] = "level", ["Label"] = "Cấp", ["Options"] = new[] { ("XA", "Cấp xã"), ("TINH", "Cấp tỉnh") }, ["Selected"] = "TINH", ["EmptyText"] = "(Chọn cấp)"
        });
        Assert.Contains("<option value>(Chọn cấp)</option>", html);
        Assert.Contains("<option value=\"XA\">Cấp xã</option>", html);
        Assert.Contains("<option value=\"TINH\" selected>Cấp tỉnh</option>", html);
    }

    [Fact]
    public void Numbers_and_dates_use_vietnamese_formats()
    {
        Assert.Equal("3.427", Format.Number(3427));
        Assert.Equal("1.500.000,5", Format.Number(1_500_000.5m));
        Assert.Equal("30/06/2023", Format.Date(new DateOnly(2023, 6, 30)));
        Assert.Equal("01/07/2025 07:00", Format.Time(new DateTimeOffset(2025, 7, 1, 0, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void A_page_past_the_end_is_the_last_page()
    {
        Assert.Equal(2, Paging.Of(999, 20, 35).Page);
        Assert.Equal(1, Paging.Of(0, 20, 35).Page);
        Assert.Equal(1, Paging.Of(5, 20, 0).Page);
        Assert.Equal(1300 / 50, Paging.Of(null, 50, 1300).Pages);
        Assert.Equal([51, 52], Paging.Of(2, 50, 52).Slice(Enumerable.Range(1, 52)));
    }

    [Fact]
    public void Days_waiting_count_on_vietnams_calendar()
    {
        // Sent at 23:30 on 1 July in Vietnam (16:30 UTC): on 3 July it has waited two days.
        var sent = new DateTimeOffset(2026, 7, 1, 16, 30, 0, TimeSpan.Zero);
        Assert.Equal(2, ModelTable.Waiting(new DateOnly(2026, 7, 3), sent));
        Assert.Equal(0, ModelTable.Waiting(new DateOnly(2026, 7, 1), sent));
    }

    [Fact]
    public void Errors_collects_field_messages()
    {
        var errors = new Errors().Required("", "name", "tên", 10).Required(new string('x', 11), "code", "mã", 10);
        Assert.False(errors.Ok);
        Assert.Equal("Vui lòng nhập tên.", errors["name"].Single());
        Assert.Equal("Mã không được dài quá 10 ký tự.", errors["code"].Single());
    }
}
