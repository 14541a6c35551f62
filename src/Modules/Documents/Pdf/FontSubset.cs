using System.Runtime.InteropServices;

namespace Emulation.Documents.Pdf;

/// <summary>Skia's PDF backend embeds whole fonts when it is built without a subsetter (as SkiaSharp's Linux natives
/// are): 400 KB a face. HarfBuzz's subsetter ships in the same native library as the shaper, so a face is cut down to
/// the glyphs a document uses before Skia embeds it. Glyph ids are kept, so what was shaped with the full face draws
/// unchanged with the subset.</summary>
static partial class FontSubset
{
    const string Library = "libHarfBuzzSharp";
    const uint NoHinting = 0x1, RetainGlyphIds = 0x2;

    public static byte[]? Cut(byte[] font, IEnumerable<uint> glyphs, IEnumerable<int> codepoints)
    {
        var handle = GCHandle.Alloc(font, GCHandleType.Pinned);
        IntPtr blob = 0, face = 0, input = 0, subset = 0, result = 0;
        try
        {
            blob = hb_blob_create(handle.AddrOfPinnedObject(), (uint)font.Length, 1, 0, 0);
            face = hb_face_create(blob, 0);
            input = hb_subset_input_create_or_fail();
            if (input == 0) return null;
            var unicodes = hb_subset_input_unicode_set(input);
            foreach (var c in codepoints) hb_set_add(unicodes, (uint)c);
            var glyphSet = hb_subset_input_glyph_set(input);
            foreach (var g in glyphs) hb_set_add(glyphSet, g);
            hb_subset_input_set_flags(input, NoHinting | RetainGlyphIds);
            subset = hb_subset_or_fail(face, input);
            if (subset == 0) return null;
            result = hb_face_reference_blob(subset);
            var data = hb_blob_get_data(result, out var length);
            if (data == 0 || length == 0) return null;
            var bytes = new byte[length];
            Marshal.Copy(data, bytes, 0, (int)length);
            return bytes;
        }
        finally
        {
            if (result != 0) hb_blob_destroy(result);
            if (subset != 0) hb_face_destroy(subset);
            if (input != 0) hb_subset_input_destroy(input);
            if (face != 0) hb_face_destroy(face);
            if (blob != 0) hb_blob_destroy(blob);
            handle.Free();
        }
    }

    [LibraryImport(Library)] private static partial IntPtr hb_blob_create(IntPtr data, uint length, int mode, IntPtr userData, IntPtr destroy);
    [LibraryImport(Library)] private static partial void hb_blob_destroy(IntPtr blob);
    [LibraryImport(Library)] private static partial IntPtr hb_blob_get_data(IntPtr blob, out uint length);
    [LibraryImport(Library)] private static partial IntPtr hb_face_create(IntPtr blob, uint index);
    [LibraryImport(Library)] private static partial void hb_face_destroy(IntPtr face);
    [LibraryImport(Library)] private static partial IntPtr hb_face_reference_blob(IntPtr face);
    [LibraryImport(Library)] private static partial IntPtr hb_subset_input_create_or_fail();
    [LibraryImport(Library)] private static partial void hb_subset_input_destroy(IntPtr input);
    [LibraryImport(Library)] private static partial IntPtr hb_subset_input_unicode_set(IntPtr input);
    [LibraryImport(Library)] private static partial IntPtr hb_subset_input_glyph_set(IntPtr input);
    [LibraryImport(Library)] private static partial void hb_subset_input_set_flags(IntPtr input, uint flags);
    [LibraryImport(Library)] private static partial IntPtr hb_subset_or_fail(IntPtr face, IntPtr input);
    [LibraryImport(Library)] private static partial void hb_set_add(IntPtr set, uint codepoint);
}
