using Emulation.Kernel.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Emulation.Host.Platform.Binding;

/// <summary>Number and date fields accept a JSON number (or ISO date) from integrations and the text a person
/// typed from the form, parsed in one place. A refusal throws a message-less <see cref="JsonException"/> so that
/// System.Text.Json adds the field's path, and leaves the Vietnamese reason with the request for
/// <see cref="BindingProblems"/> to put beside that field.</summary>
public sealed class VietnameseConverters(IHttpContextAccessor http)
{
    public IEnumerable<JsonConverter> All() =>
    [
        new Number<decimal>(this, r => r.TryGetDecimal(out var v) ? v : null, (w, v) => w.WriteNumberValue(v), d => d),
        new Number<double>(this, r => r.TryGetDouble(out var v) && double.IsFinite(v) ? v : null, (w, v) => w.WriteNumberValue(v), d => (double)d),
        new Whole<int>(this, r => r.TryGetInt32(out var v) ? v : null, (w, v) => w.WriteNumberValue(v), l => l is >= int.MinValue and <= int.MaxValue ? (int)l : null),
        new Whole<long>(this, r => r.TryGetInt64(out var v) ? v : null, (w, v) => w.WriteNumberValue(v), l => l),
        new Date(this),
        new Text(this)
    ];

    JsonException Refuse(string reason)
    {
        if (http.HttpContext is { } ctx) ctx.Items[BindingProblems.ReasonKey] = reason;
        return new JsonException();
    }

    sealed class Number<T>(VietnameseConverters owner, Func<Utf8JsonReader, T?> fromNumber, Action<Utf8JsonWriter, T> write, Func<decimal, T> fromDecimal)
        : JsonConverter<T> where T : struct
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Number)
                return fromNumber(reader) ?? throw owner.Refuse("Số quá lớn hoặc không hợp lệ.");
            if (reader.TokenType != JsonTokenType.String) throw owner.Refuse("Phải là một số. " + VietnameseNumber.Format);
            var (value, error) = VietnameseNumber.Parse(reader.GetString());
            return error is null ? fromDecimal(value!.Value) : throw owner.Refuse(error);
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => write(writer, value);
    }

    sealed class Whole<T>(VietnameseConverters owner, Func<Utf8JsonReader, T?> fromNumber, Action<Utf8JsonWriter, T> write, Func<long, T?> fromLong)
        : JsonConverter<T> where T : struct
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Number)
                return fromNumber(reader) ?? throw owner.Refuse("Phải là số nguyên, không có phần thập phân, và không quá lớn.");
            if (reader.TokenType != JsonTokenType.String) throw owner.Refuse("Phải là số nguyên, ví dụ 1.500.");
            var (value, error) = VietnameseNumber.ParseWhole(reader.GetString());
            if (error is not null) throw owner.Refuse(error);
            return fromLong(value!.Value) ?? throw owner.Refuse("Số quá lớn.");
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => write(writer, value);
    }

    /// <summary>Text as sent, except the NUL character: PostgreSQL cannot store it in text or jsonb, so it would fail the
    /// write after every check had passed. Keys of a dictionary (a score per criterion code) are text too.</summary>
    sealed class Text(VietnameseConverters owner) : JsonConverter<string>
    {
        const string Nul = "Không được chứa ký tự NUL (U+0000).";

        public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String) throw owner.Refuse("Phải là một đoạn chữ.");
            return Checked(ref reader);
        }

        public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Checked(ref reader);

        string Checked(ref Utf8JsonReader reader)
        {
            string text;
            // A lone surrogate escaped as \ud800 is not text in any encoding.
            try { text = reader.GetString()!; }
            catch (InvalidOperationException) { throw owner.Refuse("Chữ không hợp lệ: có ký tự Unicode hỏng."); }
            return text.Contains('\0') ? throw owner.Refuse(Nul) : text;
        }

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

        public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WritePropertyName(value);
    }

    sealed class Date(VietnameseConverters owner) : JsonConverter<DateOnly>
    {
        public override DateOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String) throw owner.Refuse(VietnameseDate.Format);
            var (value, error) = VietnameseDate.Parse(reader.GetString());
            return error is null ? value!.Value : throw owner.Refuse(error);
        }

        public override void Write(Utf8JsonWriter writer, DateOnly value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }
}
