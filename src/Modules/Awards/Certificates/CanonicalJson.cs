using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Emulation.Awards.Certificates;

/// <summary>The JSON Canonicalization Scheme (RFC 8785) for the values certificates carry (objects, arrays, strings,
/// integers, booleans, null): keys sorted by UTF-16 code units, no white space, strings escaped only where JSON must.
/// Anyone can rebuild these bytes from the JSON alone, which is what makes a signature over them checkable elsewhere.</summary>
public static class CanonicalJson
{
    public static byte[] Bytes(JsonNode? node)
    {
        var sb = new StringBuilder();
        Write(sb, node);
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    static void Write(StringBuilder sb, JsonNode? node)
    {
        switch (node)
        {
            case null:
                sb.Append("null");
                break;
            case JsonObject o:
                sb.Append('{');
                var first = true;
                foreach (var (key, value) in o.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    if (!first) sb.Append(',');
                    first = false;
                    String(sb, key);
                    sb.Append(':');
                    Write(sb, value);
                }
                sb.Append('}');
                break;
            case JsonArray a:
                sb.Append('[');
                for (var i = 0; i < a.Count; i++)
                {
                    if (i > 0) sb.Append(',');
                    Write(sb, a[i]);
                }
                sb.Append(']');
                break;
            case JsonValue v:
                switch (v.GetValueKind())
                {
                    case JsonValueKind.String: String(sb, v.GetValue<string>()); break;
                    case JsonValueKind.True: sb.Append("true"); break;
                    case JsonValueKind.False: sb.Append("false"); break;
                    case JsonValueKind.Null: sb.Append("null"); break;
                    case JsonValueKind.Number:
                        // Only integers are ever signed here; RFC 8785's shortest-double form is not needed for them.
                        var number = decimal.Parse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
                        if (number != decimal.Truncate(number) || Math.Abs(number) > 9007199254740991m)
                            throw new NotSupportedException("Only integers up to 2^53 are canonicalised.");
                        sb.Append(((long)number).ToString(CultureInfo.InvariantCulture));
                        break;
                    default: throw new NotSupportedException($"Cannot canonicalise a {v.GetValueKind()}.");
                }
                break;
        }
    }

    static void String(StringBuilder sb, string s)
    {
        sb.Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c < 0x20) sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        sb.Append('"');
    }
}

/// <summary>Base58 (Bitcoin alphabet) as multibase "z…" strings: the form did:key identifiers and Data Integrity proof
/// values take.</summary>
public static class Base58
{
    const string Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    public static string Encode(ReadOnlySpan<byte> data)
    {
        var zeros = 0;
        while (zeros < data.Length && data[zeros] == 0) zeros++;
        var value = new System.Numerics.BigInteger(data, isUnsigned: true, isBigEndian: true);
        var sb = new StringBuilder();
        while (value > 0)
        {
            value = System.Numerics.BigInteger.DivRem(value, 58, out var rem);
            sb.Insert(0, Alphabet[(int)rem]);
        }
        return new string('1', zeros) + sb;
    }

    public static byte[]? Decode(string text)
    {
        System.Numerics.BigInteger value = 0;
        foreach (var c in text)
        {
            var digit = Alphabet.IndexOf(c);
            if (digit < 0) return null;
            value = value * 58 + digit;
        }
        var zeros = text.TakeWhile(c => c == '1').Count();
        var bytes = value.IsZero ? [] : value.ToByteArray(isUnsigned: true, isBigEndian: true);
        return [.. new byte[zeros], .. bytes];
    }
}
