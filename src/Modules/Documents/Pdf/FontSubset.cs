using System.Runtime.InteropServices;

namespace Emulation.Documents.Pdf;

/// <summary>Skia's PDF backend embeds whole fonts when it is built without a subsetter (as SkiaSharp's Linux natives
/// are): 400 KB a face. HarfBuzz's subsetter ships in the same native library as the shaper, so a face is cut down to
/// the glyphs a document uses before Skia embeds it. The glyphs are renumbered from 1: keeping the full face's ids
/// (Vietnamese letters sit above 1,700 in Liberation Serif) kept a table row for every id below the highest, four
/// times the bytes of the glyphs themselves, which Skia then deflated for every document. The renumbering is returned
/// with the subset, and text shaped with the full face is drawn through it.</summary>
static partial class FontSubset
{
    const string Library = "libHarfBuzzSharp";
    const uint NoHinting = 0x1;
    const uint Missing = uint.MaxValue;

    /// <summary>A face parsed once and prepared for subsetting (HarfBuzz's preprocessing caches the tables' lookups
    /// that every subset of it would otherwise rebuild); kept for the life of the process, like the loaded fonts.</summary>
    public sealed class Source
    {
        internal IntPtr Face { get; }

        public Source(byte[] font)
        {
            // Duplicate mode: HarfBuzz keeps its own copy, so nothing stays pinned.
            var handle = GCHandle.Alloc(font, GCHandleType.Pinned);
            IntPtr blob = 0, face = 0;
            try
            {
                blob = hb_blob_create(handle.AddrOfPinnedObject(), (uint)font.Length, 0, 0, 0);
                face = hb_face_create(blob, 0);
                Face = hb_subset_preprocess(face);
            }
            finally
            {
                if (face != 0) hb_face_destroy(face);
                if (blob != 0) hb_blob_destroy(blob);
                handle.Free();
            }
        }
    }

    /// <summary>The subset font, and for each glyph id asked for (by the full face's numbering) its id in the subset.</summary>
    public sealed record Cut(byte[] Font, IReadOnlyDictionary<ushort, ushort> Glyphs);

    public static Cut? Make(Source source, IEnumerable<uint> glyphs, IEnumerable<int> codepoints)
    {
        if (source.Face == 0) return null;
        IntPtr input = 0, plan = 0, subset = 0, result = 0;
        try
        {
            input = hb_subset_input_create_or_fail();
            if (input == 0) return null;
            var unicodes = hb_subset_input_unicode_set(input);
            foreach (var c in codepoints) hb_set_add(unicodes, (uint)c);
            var glyphSet = hb_subset_input_glyph_set(input);
            var wanted = glyphs.ToList();
            foreach (var g in wanted) hb_set_add(glyphSet, g);
            hb_subset_input_set_flags(input, NoHinting);
            plan = hb_subset_plan_create_or_fail(source.Face, input);
            if (plan == 0) return null;
            var mapping = hb_subset_plan_old_to_new_glyph_mapping(plan);
            var renumbered = new Dictionary<ushort, ushort>(wanted.Count);
            foreach (var g in wanted)
            {
                var now = hb_map_get(mapping, g);
                if (now == Missing || now > ushort.MaxValue) return null;
                renumbered[(ushort)g] = (ushort)now;
            }
            subset = hb_subset_plan_execute_or_fail(plan);
            if (subset == 0) return null;
            result = hb_face_reference_blob(subset);
            var data = hb_blob_get_data(result, out var length);
            if (data == 0 || length == 0) return null;
            var bytes = new byte[length];
            Marshal.Copy(data, bytes, 0, (int)length);
            return new Cut(bytes, renumbered);
        }
        finally
        {
            if (result != 0) hb_blob_destroy(result);
            if (subset != 0) hb_face_destroy(subset);
            if (plan != 0) hb_subset_plan_destroy(plan);
            if (input != 0) hb_subset_input_destroy(input);
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
    [LibraryImport(Library)] private static partial IntPtr hb_subset_plan_create_or_fail(IntPtr face, IntPtr input);
    [LibraryImport(Library)] private static partial IntPtr hb_subset_plan_old_to_new_glyph_mapping(IntPtr plan);
    [LibraryImport(Library)] private static partial IntPtr hb_subset_plan_execute_or_fail(IntPtr plan);
    [LibraryImport(Library)] private static partial void hb_subset_plan_destroy(IntPtr plan);
    [LibraryImport(Library)] private static partial uint hb_map_get(IntPtr map, uint key);
    [LibraryImport(Library)] private static partial IntPtr hb_subset_preprocess(IntPtr face);
    [LibraryImport(Library)] private static partial void hb_set_add(IntPtr set, uint codepoint);
}
