using SkiaSharp;

namespace Emulation.Monitoring.Evidence;

/// <summary>A small JPEG of a photo for the report page. JPEGs are decoded at the smallest native scale that still
/// covers the thumbnail (1/2 to 1/8), so a phone photo never lands in memory at full size; an image that would still
/// need more than <see cref="MaxDecodedPixels"/> gets no thumbnail rather than a large decode. The phone's
/// orientation tag is applied, so a portrait photo stands upright.</summary>
public static class Thumbnails
{
    public const int Size = 320;
    public const long MaxDecodedPixels = 16_000_000;

    public enum Outcome { Made, TooLarge, Unreadable }

    public static (Outcome, byte[]?) Make(Stream image)
    {
        using var codec = SKCodec.Create(image);
        if (codec is null) return (Outcome.Unreadable, null);
        var full = codec.Info;
        if (full.Width <= 0 || full.Height <= 0) return (Outcome.Unreadable, null);
        // Skia rounds a requested scale to the codec's nearest; the first eighth that still covers the thumbnail wins.
        var scaled = Enumerable.Range(1, 8).Select(k => codec.GetScaledDimensions(k / 8f))
            .FirstOrDefault(d => Math.Max(d.Width, d.Height) >= Math.Min(Size, Math.Max(full.Width, full.Height)), full.Size);
        if ((long)scaled.Width * scaled.Height > MaxDecodedPixels) return (Outcome.TooLarge, null);

        using var decoded = new SKBitmap(new SKImageInfo(scaled.Width, scaled.Height, SKImageInfo.PlatformColorType, SKAlphaType.Premul));
        var result = codec.GetPixels(decoded.Info, decoded.GetPixels());
        if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput)) return (Outcome.Unreadable, null);

        var ratio = Math.Min(1d, (double)Size / Math.Max(scaled.Width, scaled.Height));
        var (w, h) = (Math.Max(1, (int)Math.Round(scaled.Width * ratio)), Math.Max(1, (int)Math.Round(scaled.Height * ratio)));
        using var small = decoded.Resize(new SKImageInfo(w, h), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        if (small is null) return (Outcome.Unreadable, null);

        var turned = codec.EncodedOrigin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        using var upright = new SKBitmap(turned ? h : w, turned ? w : h);
        using (var canvas = new SKCanvas(upright))
        {
            canvas.Clear(SKColors.White);
            canvas.SetMatrix(Orientation(codec.EncodedOrigin, w, h));
            canvas.DrawBitmap(small, 0, 0);
        }
        using var encoded = SKImage.FromBitmap(upright).Encode(SKEncodedImageFormat.Jpeg, 80);
        return (Outcome.Made, encoded.ToArray());
    }

    /// <summary>Where a pixel of the stored image goes when shown as the camera meant (EXIF orientation 1-8).</summary>
    static SKMatrix Orientation(SKEncodedOrigin origin, float w, float h) => origin switch
    {
        SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
        SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
        SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
        SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),
        SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),
        _ => SKMatrix.Identity
    };
}
