using Emulation.Awards.Catalogue;
using Emulation.Documents.Certificates;
using Emulation.UnitTests.AwardDecisions;
using Emulation.UnitTests.Documents;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Emulation.UnitTests.AwardCatalogue;

/// <summary>The rules of a form's certificate layout (ADR 0048): millimetres typed either way, every slot inside the
/// paper, the catalogue's version, and the layout a certificate then prints with.</summary>
public sealed class CertificateLayoutTests
{
    const double Pt = 72 / 25.4;
    static readonly DateTimeOffset Now = DateTimeOffset.UnixEpoch;

    static int Status(IResult result) => ((IStatusCodeHttpResult)result).StatusCode!.Value;

    static IDictionary<string, string[]> Errors(IResult result) => ((HttpValidationProblemDetails)((ProblemHttpResult)result).ProblemDetails).Errors;

    static Emulation.Awards.Catalogue.AwardCatalogue Catalogue(CommendationForm form) =>
        Emulation.Awards.Catalogue.AwardCatalogue.Create(new CommendationFormSaved(form, Guid.Empty, Now));

    static SetCertificateLayout Move(long version, params SlotInput[] slots) => new(slots.ToList(), version);

    [Theory]
    [InlineData("12,5", 12.5)]
    [InlineData("12.5", 12.5)]
    [InlineData(" 150 ", 150)]
    [InlineData("0.500", 0.5)]
    [InlineData("-2,25", -2.25)]
    [InlineData("1.234,5", 1234.5)]
    public void Millimetres_are_read_with_a_comma_or_a_lone_dot(string text, double expected) =>
        Assert.Equal((decimal)expected, Millimetres.Parse(text).Value);

    [Theory]
    [InlineData("1.500")]
    [InlineData("12.500")]
    [InlineData("1,500")]
    [InlineData("12,345")]
    [InlineData("mười hai")]
    [InlineData("12,5 mm")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("1,255")]
    public void What_could_mean_two_lengths_or_none_is_refused_in_vietnamese(string? text)
    {
        var (value, error) = Millimetres.Parse(text);
        Assert.Null(value);
        Assert.False(string.IsNullOrWhiteSpace(error));
        Assert.DoesNotMatch("[Tt]he |invalid|must", error!);
    }

    [Fact]
    public void A_lone_dot_before_three_digits_names_both_readings()
    {
        var error = Millimetres.Parse("1.500").Error!;
        Assert.Contains("1500 mm", error);
        Assert.Contains("1,5 mm", error);
    }

    [Fact]
    public void Moving_one_slot_keeps_the_others_where_they_were_and_records_one_event()
    {
        var form = AwardRulesTests.Form();
        var catalogue = Catalogue(form);
        var (result, events) = SetCertificateLayoutEndpoint.Decide(catalogue, form.Code,
            Move(catalogue.Version, new SlotInput("name", "60", "140,5", "300.25")), Guid.NewGuid(), Now);

        Assert.Equal(200, Status(result));
        var changed = Assert.IsType<CertificateLayoutChanged>(Assert.Single(events));
        Assert.Equal(new SlotPosition("name", 60, 140.5m, 300.25m), changed.Layout["name"]);
        var design = CertificateLayout.Design(Papers.A3Landscape);
        Assert.All(changed.Layout.Slots.Where(s => s.Slot != "name"), s => Assert.Equal(design[s.Slot], s));
        Assert.Equal(CertificateTemplate.SlotNames.Select(s => s.Key), changed.Layout.Slots.Select(s => s.Slot));

        var after = catalogue.Apply(changed);
        Assert.Equal(changed.Layout, after.Form(form.Code)!.Layout);
        Assert.Equal(new Slot(60, 140.5, 300.25), CertificateLayout.Of(after.Form(form.Code), Papers.A3Landscape).Template().Name);
        Assert.Null(after.Apply(new CertificateLayoutReset(form.Code, Guid.Empty, Now)).Form(form.Code)!.Layout);
    }

    [Fact]
    public void Every_refusal_names_the_slot_and_the_field_it_came_from()
    {
        var form = AwardRulesTests.Form();
        var catalogue = Catalogue(form);
        var (result, events) = SetCertificateLayoutEndpoint.Decide(catalogue, form.Code, Move(catalogue.Version,
            new SlotInput("name", "1.500", "-1", "0"),
            new SlotInput("qr", "400", "290", "8"),
            new SlotInput("signerName", "300", "100", "150"),
            new SlotInput("logo", "1", "1", "1"),
            new SlotInput("NAME", "1", "1", "1"),
            new SlotInput("decision", null, "", "abc")), Guid.NewGuid(), Now);

        Assert.Equal(400, Status(result));
        Assert.Empty(events);
        var errors = Errors(result);
        Assert.Equal(new[]
        {
            "slots[0].left", "slots[0].top", "slots[0].width", "slots[1].top", "slots[1].width", "slots[2].width", "slots[3].slot", "slots[4].slot",
            "slots[5].left", "slots[5].top", "slots[5].width"
        }.Order(), errors.Keys.Order());
        Assert.StartsWith("Họ tên – lề trái", errors["slots[0].left"][0]);
        Assert.Contains("1500 mm", errors["slots[0].left"][0]);
        Assert.StartsWith("Họ tên – lề trên", errors["slots[0].top"][0]);
        Assert.Contains("lớn hơn 0", errors["slots[0].width"][0]);
        Assert.Contains(errors["slots[1].width"], m => m.StartsWith("Mã QR – cạnh mã QR") && m.Contains("10 mm"));
        Assert.Contains(errors["slots[1].top"], m => m.Contains("mã QR nằm trong khổ giấy"));
        Assert.Contains("420 mm", errors["slots[2].width"][0]);
        Assert.Contains("hai lần", errors["slots[4].slot"][0]);
        Assert.StartsWith("Số quyết định – lề trái", errors["slots[5].left"][0]);
    }

    [Theory]
    [InlineData(Papers.A3Landscape, "0", "0", "420", 200)]
    [InlineData(Papers.A3Landscape, "0", "292", "420", 200)]
    [InlineData(Papers.A3Landscape, "0", "292,1", "420", 400)]
    [InlineData(Papers.A3Landscape, "0,01", "0", "420", 400)]
    [InlineData(Papers.A4Landscape, "0", "0", "297", 200)]
    [InlineData(Papers.A4Landscape, "100", "0", "198", 400)]
    public void A_text_slot_must_stay_inside_its_forms_paper(string paper, string left, string top, string width, int status)
    {
        var form = AwardRulesTests.Form() with { Paper = paper };
        var catalogue = Catalogue(form);
        Assert.Equal(status, Status(SetCertificateLayoutEndpoint.Decide(catalogue, form.Code,
            Move(catalogue.Version, new SlotInput("achievement", left, top, width)), Guid.NewGuid(), Now).Item1));
    }

    [Fact]
    public void A_stale_version_is_a_conflict_an_unknown_form_is_not_found_and_an_empty_list_is_refused()
    {
        var form = AwardRulesTests.Form();
        var catalogue = Catalogue(form);
        var ok = new SlotInput("name", "50", "150", "320");
        Assert.Equal(409, Status(SetCertificateLayoutEndpoint.Decide(catalogue, form.Code, Move(catalogue.Version - 1, ok), Guid.NewGuid(), Now).Item1));
        Assert.Equal(404, Status(SetCertificateLayoutEndpoint.Decide(catalogue, "khong-co", Move(catalogue.Version, ok), Guid.NewGuid(), Now).Item1));
        Assert.Equal(["slots"], Errors(SetCertificateLayoutEndpoint.Decide(catalogue, form.Code, new SetCertificateLayout(null, 1), Guid.NewGuid(), Now).Item1).Keys);
        Assert.Equal(409, Status(ResetCertificateLayoutEndpoint.Decide(catalogue, form.Code, new ResetCertificateLayout(9), Guid.NewGuid(), Now).Item1));
    }

    [Fact]
    public void A_layout_set_for_one_paper_is_kept_when_the_form_is_saved_and_dropped_when_it_moves_to_the_other()
    {
        var moved = SetCertificateLayoutEndpoint.Move(CertificateLayout.Design(Papers.A3Landscape), [new SlotInput("name", "60", "140", "300")]).Layout;
        var form = AwardRulesTests.Form() with { Layout = moved };
        Assert.Equal(moved, CertificateLayout.Of(form, Papers.A3Landscape));
        Assert.Equal(CertificateLayout.Design(Papers.A4Landscape).Slots, CertificateLayout.Of(form, Papers.A4Landscape).Slots);

        var catalogue = Catalogue(form);
        SaveForm Save(string paper) => new(form.Code, form.Name, form.PrintedName, form.Level, form.IssuerUnitId, null, form.IssuerName, form.IssuerTitle,
            form.Symbol, form.Place, [.. form.Recipients], paper, null, null, false, true, catalogue.Version);
        var same = Assert.IsType<CommendationFormSaved>(Assert.Single(SaveFormEndpoint.Decide(catalogue, Save(Papers.A3Landscape), _ => true, Guid.Empty, Now).Item2));
        Assert.Equal(moved, same.Form.Layout);
        var other = Assert.IsType<CommendationFormSaved>(Assert.Single(SaveFormEndpoint.Decide(catalogue, Save(Papers.A4Landscape), _ => true, Guid.Empty, Now).Item2));
        Assert.Null(other.Form.Layout);
    }

    [Fact]
    public void The_design_as_a_layout_prints_where_the_code_always_printed()
    {
        foreach (var paper in new[] { Papers.A3Landscape, Papers.A4Landscape })
        {
            var design = CertificateTemplate.For(paper);
            var layout = CertificateLayout.Design(paper).Template();
            foreach (var (key, _, slot) in design.Slots)
            {
                Assert.Equal(slot.XMm, layout[key].XMm, 0.005);
                Assert.Equal(slot.YMm, layout[key].YMm, 0.005);
                Assert.Equal(slot.WidthMm, layout[key].WidthMm, 0.005);
            }
            Assert.True(CertificateLayout.Design(paper).IsDesign);
        }
    }

    [Fact]
    public void A_moved_name_prints_centred_in_its_new_width_on_a_blank_and_the_calibration_sheet_marks_it()
    {
        var layout = SetCertificateLayoutEndpoint.Move(CertificateLayout.Design(Papers.A3Landscape), [new SlotInput("name", "80", "120", "200")]).Layout;
        var text = CertificateDocumentTests.Sample("Trần Văn Đức");
        var page = PdfText.Read(CertificateSheet.Pdf([(text, layout.Template())], CertificatePrintMode.Blank, new PrinterOffset(1.5, -2)))[0];
        var name = page.Lines.Single(l => l.Text == "Trần Văn Đức");
        Assert.Equal((80 + 100 + 1.5) * Pt, (name.Left + name.Right) / 2, 0.5 * Pt);
        // The baseline sits under the slot's top by the line's ascent: between the top and one 30 pt line below it.
        var topFromBottom = page.Height - (120 - 2) * Pt;
        Assert.InRange(name.Baseline, topFromBottom - 30 * 1.1, topFromBottom);

        var sheet = PdfText.All(PdfText.Read(CalibrationSheet.Pdf(layout.Template(), "Canon", PrinterOffset.None, "Bằng khen thử")));
        Assert.Contains("Họ tên (180; 120)", sheet);
        Assert.Contains("Vị trí in của: Bằng khen thử", sheet);
    }
}
