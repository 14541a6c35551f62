using SkiaSharp;

namespace Emulation.UnitTests.Support;

/// <summary>A picture of sky over a field (two flat bands): a thumbnail of it shows whether the top stayed on top and the
/// colours came through. Shared with the integration tests' uploads (linked there).</summary>
public static class TwoBandImage
{
    public static readonly SKColor Top = SKColors.SkyBlue, Bottom = SKColors.DarkGreen;

    public static byte[] Encode(int width, int height, SKEncodedImageFormat format, int quality)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(Top);
            using var paint = new SKPaint { Color = Bottom };
            canvas.DrawRect(0, height / 2f, width, height / 2f, paint);
        }
        using var data = SKImage.FromBitmap(bitmap).Encode(format, quality);
        return data.ToArray();
    }
}
