using System.Runtime.InteropServices;

namespace Emulation.Documents.Pdf;

/// <summary>Every PDF Skia writes allocates and frees a few megabytes of native memory (a deflate window per stream,
/// the page devices); glibc gives the top of its heap back to the kernel after each free above 128 KB and faults it
/// in again, zeroed, for the next document. Measured on a certificate, that churn (brk, TLB flushes, page faults) was
/// half the thread's time. Keeping up to 256 MB of freed heap and growing it 16 MB at a time stops it; the memory
/// stays reusable by the process, so its footprint is the peak it reached, as with any managed heap.</summary>
static partial class NativeHeap
{
    const int TrimThreshold = -1, TopPad = -2;
    static int _tuned;

    public static void Tune()
    {
        if (Interlocked.Exchange(ref _tuned, 1) == 1 || !OperatingSystem.IsLinux()) return;
        try
        {
            mallopt(TrimThreshold, 256 << 20);
            mallopt(TopPad, 16 << 20);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // Not glibc (musl, for one): its allocator has no such knobs and keeps its own behaviour.
        }
    }

    [LibraryImport("libc")] private static partial int mallopt(int param, int value);
}
