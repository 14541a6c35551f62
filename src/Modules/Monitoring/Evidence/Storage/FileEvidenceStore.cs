namespace Emulation.Monitoring.Evidence.Storage;

/// <summary>Files in a folder (<c>Monitoring:Evidence:Directory</c>), two hex digits of sub-folder per file so no
/// folder grows too large. A file is written under a temporary name and renamed when complete, so a failed upload
/// leaves nothing readable and its partial file is deleted.</summary>
public sealed class FileEvidenceStore(string root) : IEvidenceStore
{
    const int BufferSize = 128 * 1024;

    string PathOf(Guid id)
    {
        var name = id.ToString("N");
        return Path.Combine(root, name[^2..], name);
    }

    public async Task<Guid> WriteAsync(Stream content, CancellationToken ct)
    {
        var id = Guid.CreateVersion7();
        var path = PathOf(id);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var partial = path + ".part";
        try
        {
            await using (var file = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous))
            {
                await content.CopyToAsync(file, BufferSize, ct);
                await file.FlushAsync(ct);
            }
            File.Move(partial, path);
            return id;
        }
        catch
        {
            File.Delete(partial);
            throw;
        }
    }

    public Task<Stream?> OpenAsync(Guid id, CancellationToken ct)
    {
        var path = PathOf(id);
        Stream? stream = File.Exists(path)
            ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan)
            : null;
        return Task.FromResult(stream);
    }

    public Task DeleteAsync(Guid id, CancellationToken ct)
    {
        File.Delete(PathOf(id));
        return Task.CompletedTask;
    }
}
