using DocumentFormat.OpenXml.Packaging;
using SkiaSharp;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Emulation.Documents.Docx;

/// <summary>An inline picture at a width in millimetres; the height keeps the picture's proportions.</summary>
sealed class DocxImages
{
    const long EmuPerMm = 36_000;
    uint _count;

    public W.Drawing Add(OpenXmlPart owner, byte[] bytes, double widthMm)
    {
        var info = SKBitmap.DecodeBounds(bytes);
        if (info.Width <= 0 || info.Height <= 0) throw new ArgumentException("The image is neither PNG nor JPEG, or is damaged.");
        var contentType = bytes is [0xFF, 0xD8, ..] ? "image/jpeg" : "image/png";
        var id = $"rImg{++_count}";
        var part = owner.AddNewPart<ImagePart>(contentType, id);
        using (var data = new MemoryStream(bytes)) part.FeedData(data);
        long cx = (long)(widthMm * EmuPerMm), cy = cx * info.Height / info.Width;
        var picture = new PIC.Picture(
            new PIC.NonVisualPictureProperties(new PIC.NonVisualDrawingProperties { Id = 0U, Name = $"image{_count}" }, new PIC.NonVisualPictureDrawingProperties()),
            new PIC.BlipFill(new A.Blip { Embed = id }, new A.Stretch(new A.FillRectangle())),
            new PIC.ShapeProperties(new A.Transform2D(new A.Offset { X = 0L, Y = 0L }, new A.Extents { Cx = cx, Cy = cy }),
                new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle }));
        return new W.Drawing(new DW.Inline(
            new DW.Extent { Cx = cx, Cy = cy },
            new DW.EffectExtent { LeftEdge = 0L, TopEdge = 0L, RightEdge = 0L, BottomEdge = 0L },
            new DW.DocProperties { Id = _count, Name = $"Hình {_count}" },
            new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            new A.Graphic(new A.GraphicData(picture) { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
        { DistanceFromTop = 0U, DistanceFromBottom = 0U, DistanceFromLeft = 0U, DistanceFromRight = 0U });
    }
}
