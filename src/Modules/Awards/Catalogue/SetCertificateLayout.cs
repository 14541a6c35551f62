using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Emulation.Documents.Certificates;
using Emulation.Kernel.Security;
using Emulation.Kernel.Web;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Emulation.Awards.Catalogue;

/// <param name="Slot">name, position, achievement, decision, goldBook, qr, placeDate, signer or signerName.</param>
/// <param name="Left">Millimetres from the paper's left edge, typed "12,5" or "12.5".</param>
/// <param name="Top">Millimetres from the paper's top edge.</param>
/// <param name="Width">The width the text is centred in, in millimetres; for the QR code, its side.</param>
public sealed record SlotInput(string? Slot,
    [property: JsonConverter(typeof(LengthText))] string? Left,
    [property: JsonConverter(typeof(LengthText))] string? Top,
    [property: JsonConverter(typeof(LengthText))] string? Width);

/// <summary>A length arrives as typed text from the form and may arrive as a JSON number from an integration: a number
/// is already unambiguous, so it is passed on as plain digits with a decimal comma.</summary>
public sealed class LengthText : JsonConverter<string?>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number => reader.TryGetDecimal(out var d)
            ? d.ToString("0.############", CultureInfo.InvariantCulture).Replace('.', ',')
            // Beyond a decimal (1e300): passed on as written, for the rules to refuse beside its field.
            : System.Text.Encoding.UTF8.GetString(reader.ValueSpan),
        JsonTokenType.Null => null,
        // A list, an object, true: a message-less exception lets the host name the field (BindingProblems).
        _ => throw new JsonException()
    };

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}

/// <param name="Slots">The slots to move; the others keep their place.</param>
/// <param name="Version">The catalogue's version as last read.</param>
public sealed record SetCertificateLayout(List<SlotInput>? Slots, long Version);

public sealed record LayoutSaved(string Code, long Version, CertificateLayout Layout);

/// <summary>An administrator moves slots of a form's certificates to match the office's blanks (ADR 0048). The form lives
/// in the catalogue's one stream, so the version checked is the catalogue's.</summary>
public static class SetCertificateLayoutEndpoint
{
    /// <summary>A QR code smaller than this does not scan reliably from paper.</summary>
    public const decimal MinQr = 10;

    /// <summary>The room a line of the smallest type needs under a slot's top.</summary>
    public const decimal MinLine = 5;

    public const string AdminsOnly = "Chỉ quản trị hệ thống được đặt vị trí in trên bằng khen, giấy khen.";

    [WolverinePut("/api/awards/catalogue/forms/{code}/layout"), Authorize(Policy = Policies.SignedIn)]
    [ProducesResponseType<LayoutSaved>(StatusCodes.Status200OK)]
    public static Task<IResult> Put(string code, SetCertificateLayout command, IDocumentSession session, HttpContext ctx, TimeProvider clock)
        => CatalogueChange.AsAdminAsync(session, ctx, SetCertificateLayoutEndpoint.AdminsOnly,
            (catalogue, by) => Decide(catalogue, code, command, by, clock.GetUtcNow()));

    public static (IResult, IReadOnlyList<object>) Decide(AwardCatalogue catalogue, string code, SetCertificateLayout c, Guid by, DateTimeOffset now)
    {
        if (catalogue.Form(code) is not { } form) return (Problems.NotFound("Không có hình thức khen thưởng này trong danh mục."), []);
        var (layout, errors) = Move(CertificateLayout.Of(form, form.Paper), c.Slots ?? []);
        if (!errors.Ok) return (Problems.Validation(errors), []);
        if (c.Version != catalogue.Version) return (Problems.Conflict(Problems.StaleVersion), []);
        return (Results.Ok(new LayoutSaved(form.Code, catalogue.Version + 1, layout)), [new CertificateLayoutChanged(form.Code, layout, by, now)]);
    }

    /// <summary>The layout with the given slots moved, or the reasons it cannot be, each under the field the person typed
    /// (<c>slots[2].top</c>) and naming the slot.</summary>
    public static (CertificateLayout Layout, Errors Errors) Move(CertificateLayout current, IReadOnlyList<SlotInput> inputs)
    {
        var errors = new Errors();
        errors.Add(inputs.Count == 0, "slots", "Hãy gửi ít nhất một vị trí cần đặt.");
        errors.Add(inputs.Count > CertificateTemplate.SlotNames.Count, "slots", $"Bằng khen có {CertificateTemplate.SlotNames.Count} vị trí; không gửi nhiều hơn.");
        if (!errors.Ok) return (current, errors);
        var size = CertificateTemplate.For(current.Paper).Size;
        decimal paperWidth = (decimal)size.WidthMm, paperHeight = (decimal)size.HeightMm;
        var moved = current.Slots.ToDictionary(s => s.Slot);
        var seen = new HashSet<string>();
        for (var i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i];
            var key = CertificateTemplate.SlotNames.FirstOrDefault(s => string.Equals(s.Key, input?.Slot?.Trim(), StringComparison.OrdinalIgnoreCase)).Key;
            if (input is null || key is null)
            {
                errors.Add(true, $"slots[{i}].slot", "Không có vị trí này trên bằng. Các vị trí: " +
                    string.Join(", ", CertificateTemplate.SlotNames.Select(s => $"{s.Key} ({s.Label})")) + ".");
                continue;
            }
            var label = CertificateTemplate.Label(key);
            if (!seen.Add(key)) { errors.Add(true, $"slots[{i}].slot", $"{label}: vị trí này được gửi hai lần."); continue; }
            var qr = key == CertificateTemplate.QrKey;
            var widthName = qr ? "cạnh mã QR" : "chiều rộng";
            var left = Read(errors, input.Left, $"slots[{i}].left", label, "lề trái");
            var top = Read(errors, input.Top, $"slots[{i}].top", label, "lề trên");
            var width = Read(errors, input.Width, $"slots[{i}].width", label, widthName);
            if (left is { } l) errors.Add(l < 0 || l >= paperWidth, $"slots[{i}].left", $"{label} – lề trái: phải từ 0 đến dưới {Millimetres.Text(paperWidth)} mm (khổ giấy).");
            if (top is { } t)
            {
                var maxTop = paperHeight - (qr ? width ?? MinQr : MinLine);
                errors.Add(t < 0 || t > maxTop, $"slots[{i}].top",
                    $"{label} – lề trên: phải từ 0 đến {Millimetres.Text(Math.Max(0, maxTop))} mm để {(qr ? "mã QR" : "dòng chữ")} nằm trong khổ giấy.");
            }
            if (width is { } w)
            {
                errors.Add(w <= 0, $"slots[{i}].width", $"{label} – {widthName}: phải lớn hơn 0 mm.");
                errors.Add(qr && w is > 0 and < MinQr, $"slots[{i}].width", $"{label} – {widthName}: ít nhất {Millimetres.Text(MinQr)} mm, nhỏ hơn thì khó quét.");
                if (left is { } x && x >= 0)
                    errors.Add(w > 0 && x + w > paperWidth, $"slots[{i}].width",
                        $"{label} – {widthName}: lề trái cộng {widthName} vượt mép phải của giấy ({Millimetres.Text(paperWidth)} mm); tối đa {Millimetres.Text(Math.Max(0, paperWidth - x))} mm.");
            }
            if (left is { } nl && top is { } nt && width is { } nw) moved[key] = new SlotPosition(key, nl, nt, nw);
        }
        var slots = CertificateTemplate.SlotNames.Select(s => moved[s.Key]).ToList();
        return (current with { Slots = slots }, errors);
    }

    static decimal? Read(Errors errors, string? text, string field, string label, string name)
    {
        var (value, error) = Millimetres.Parse(text);
        errors.Add(error is not null, field, $"{label} – {name}: {error}");
        return value;
    }
}
