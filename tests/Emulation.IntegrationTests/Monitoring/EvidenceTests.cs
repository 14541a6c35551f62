using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Emulation.Monitoring.Evidence.Storage;
using Npgsql;
using Emulation.UnitTests.Support;
using SkiaSharp;
using Xunit.Abstractions;

namespace Emulation.IntegrationTests.Monitoring;

/// <summary>Evidence over HTTP on the real database: a large file in and out byte for byte with the host's memory
/// measured, and every refusal storing nothing.</summary>
[Collection(AppCollection.Name)]
public sealed class EvidenceTests(AppFixture app, ITestOutputHelper output)
{
    const long MB = 1024 * 1024;

    internal static byte[] Jpeg(int width, int height) => TwoBandImage.Encode(width, height, SKEncodedImageFormat.Jpeg, 85);

    async Task<long> StoredChunks()
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand($"select count(*) from {PostgresEvidenceStore.Table}", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    static long Allocated() => GC.GetTotalAllocatedBytes(precise: true);

    [Fact]
    public async Task A_15_MB_file_goes_in_and_out_byte_for_byte_with_its_sha256_and_the_host_holds_far_less_than_the_file()
    {
        var id = await app.AcceptedModel("Minh chứng lớn");
        using var officer = await app.As("canbo.phuong1");
        using var reader = await app.As("canbo.khanhhoi");
        var (reportId, version) = await officer.DraftReport(id);
        const long size = 15 * MB;
        GeneratedFile File() => new(size, GeneratedFile.PdfHead, seed: 15);
        var expected = GeneratedFile.Sha256Of(File);

        // Warm the path once (code generation, pools) so the measured upload counts only what a file costs.
        (await officer.Upload(id, reportId, "khởi động.pdf", new GeneratedFile(300_000, GeneratedFile.PdfHead))).Expect(HttpStatusCode.Created);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var heldBefore = GC.GetTotalMemory(forceFullCollection: true);
        var allocatedBefore = Allocated();
        var reply = (await officer.Upload(id, reportId, "Biên bản họp dân quý 3.pdf", File(), "image/png")).Expect(HttpStatusCode.Created);
        var allocated = Allocated() - allocatedBefore;
        var held = GC.GetTotalMemory(forceFullCollection: true) - heldBefore;
        output.WriteLine($"upload of {size / MB} MB: {allocated / 1024.0 / 1024:N2} MB allocated in the process, {held / 1024.0 / 1024:N2} MB more held after");
        // A buffered upload would allocate the file at least once (15 MB); streamed, the whole process (host, test client
        // and the background daemons together) allocates a fraction of it and holds nothing more afterwards.
        Assert.True(allocated < size / 3, $"the upload allocated {allocated:N0} bytes for a {size:N0}-byte file");
        Assert.True(held < 4 * MB, $"{held:N0} bytes more held after the upload");

        Assert.Equal(expected, reply.Body.GetProperty("sha256").GetString());
        Assert.Equal(size, reply.Body.GetProperty("size").GetInt64());
        Assert.Equal("application/pdf", reply.Body.GetProperty("contentType").GetString());
        Assert.Equal(version + 2, reply.Version);
        var fileId = reply.Body.GetProperty("fileId").GetGuid();

        // The draft's files are the unit's working paper; once submitted, everyone signed in reads them.
        Assert.Equal(HttpStatusCode.NotFound, (await reader.Client.GetAsync($"/api/monitoring/evidence/{fileId}")).StatusCode);
        await officer.SubmitReport(id, reply.Version);

        allocatedBefore = Allocated();
        using var response = await reader.Client.GetAsync($"/api/monitoring/evidence/{fileId}", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        string downloaded;
        await using (var body = await response.Content.ReadAsStreamAsync()) downloaded = Convert.ToHexStringLower(await SHA256.HashDataAsync(body));
        allocated = Allocated() - allocatedBefore;
        output.WriteLine($"download of {size / MB} MB: {allocated / 1024.0 / 1024:N2} MB allocated in the process");
        Assert.True(allocated < size / 3, $"the download allocated {allocated:N0} bytes for a {size:N0}-byte file");

        Assert.Equal(expected, downloaded);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(size, response.Content.Headers.ContentLength);
        Assert.Equal($"\"{expected}\"", response.Headers.ETag!.Tag);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("inline", disposition.DispositionType);
        Assert.Equal("Biên bản họp dân quý 3.pdf", disposition.FileNameStar);

        using var again = new HttpRequestMessage(HttpMethod.Get, $"/api/monitoring/evidence/{fileId}");
        again.Headers.IfNoneMatch.Add(new EntityTagHeaderValue($"\"{expected}\""));
        Assert.Equal(HttpStatusCode.NotModified, (await reader.Client.SendAsync(again)).StatusCode);
    }

    [Fact]
    public async Task A_25_MB_file_is_refused_while_streaming_and_nothing_is_stored()
    {
        var id = await app.AcceptedModel("Minh chứng quá lớn");
        using var officer = await app.As("canbo.phuong1");
        var (reportId, version) = await officer.DraftReport(id);
        var chunks = await StoredChunks();

        var reply = (await officer.Upload(id, reportId, "video.pdf", new GeneratedFile(25 * MB, GeneratedFile.PdfHead))).Expect(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("Tệp vượt quá dung lượng cho phép (20 MB). Hãy nén ảnh hoặc tách tài liệu rồi gửi lại.", reply.Errors("file").Single());

        Assert.Equal(chunks, await StoredChunks());
        Assert.Empty(await officer.Evidence(id, reportId));
        Assert.Equal(version, (await app.Followed(id))!.Version);
    }

    [Fact]
    public async Task A_pdf_named_jpg_an_unknown_kind_and_a_corrupt_photo_are_refused_naming_the_file_field()
    {
        var id = await app.AcceptedModel("Minh chứng giả");
        using var officer = await app.As("canbo.phuong1");
        var (reportId, version) = await officer.DraftReport(id);
        var chunks = await StoredChunks();

        var pdf = (await officer.Upload(id, reportId, "ảnh hiện trường.jpg", new GeneratedFile(200_000, GeneratedFile.PdfHead), "image/jpeg"))
            .Expect(HttpStatusCode.BadRequest);
        Assert.Equal("Nội dung tệp “ảnh hiện trường.jpg” không phải là ảnh JPEG như tên tệp cho biết (nội dung là tài liệu PDF).", pdf.Errors("file").Single());
        var exe = (await officer.Upload(id, reportId, "caidat.exe", [0x4D, 0x5A, 0x90, 0])).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("chỉ nhận ảnh (JPG, PNG, WebP, GIF, HEIC), bản quét TIFF, PDF, Word (DOC, DOCX), Excel (XLS, XLSX) và CSV", exe.Errors("file").Single());
        var corrupt = (await officer.Upload(id, reportId, "hong.jpg", [0xFF, 0xD8, 0xFF, .. new byte[5000]])).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("Không đọc được ảnh “hong.jpg”", corrupt.Errors("file").Single());
        var noFile = (await officer.Post(EvidenceScenarios.EvidenceUrl(id, reportId), new { file = "x" })).Expect(HttpStatusCode.BadRequest);
        Assert.NotEmpty(noFile.Errors("file"));

        Assert.Equal(chunks, await StoredChunks());
        Assert.Empty(await officer.Evidence(id, reportId));
        Assert.Equal(version, (await app.Followed(id))!.Version);
    }

    [Fact]
    public async Task Only_the_registering_unit_uploads_and_only_to_a_draft()
    {
        var id = await app.AcceptedModel("Minh chứng đơn vị khác");
        using var officer = await app.As("canbo.phuong1");
        using var other = await app.As("canbo.khanhhoi");
        using var board = await app.As("thuky.phuong1");
        var (reportId, version) = await officer.DraftReport(id);
        var chunks = await StoredChunks();
        var photo = Jpeg(40, 30);

        (await other.Upload(id, reportId, "anh.jpg", photo)).Expect(HttpStatusCode.NotFound);
        var submitted = await officer.SubmitReport(id, version);
        (await other.Upload(id, reportId, "anh.jpg", photo)).Expect(HttpStatusCode.Forbidden);
        (await board.Upload(id, reportId, "anh.jpg", photo)).Expect(HttpStatusCode.Forbidden);
        var late = (await officer.Upload(id, reportId, "anh.jpg", photo)).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("Báo cáo đã gửi", late.Errors("file").Single());
        (await officer.Upload(Guid.NewGuid(), reportId, "anh.jpg", photo)).Expect(HttpStatusCode.NotFound);
        (await officer.Upload(id, Guid.NewGuid(), "anh.jpg", photo)).Expect(HttpStatusCode.NotFound);

        Assert.Equal(chunks, await StoredChunks());
        Assert.Equal(submitted.Version, (await app.Followed(id))!.Version);
    }

    [Fact]
    public async Task A_photo_gets_an_upright_thumbnail_and_downloads_follow_the_model_rules()
    {
        var id = await app.AcceptedModel("Minh chứng ảnh");
        using var officer = await app.As("canbo.phuong1");
        using var other = await app.As("canbo.khanhhoi");
        using var anonymous = app.Anonymous();
        var (reportId, _) = await officer.DraftReport(id);

        var reply = (await officer.Upload(id, reportId, "Ra quân làm đường.JPG", Jpeg(1600, 1200), "application/octet-stream")).Expect(HttpStatusCode.Created);
        var fileId = reply.Body.GetProperty("fileId").GetGuid();
        Assert.Equal("image/jpeg", reply.Body.GetProperty("contentType").GetString());
        using (var thumb = await officer.Client.GetAsync($"/api/monitoring/evidence/{fileId}/thumbnail"))
        {
            Assert.Equal(HttpStatusCode.OK, thumb.StatusCode);
            Assert.Equal("image/jpeg", thumb.Content.Headers.ContentType!.MediaType);
            using var image = SKBitmap.Decode(await thumb.Content.ReadAsByteArrayAsync());
            Assert.Equal((320, 240), (image.Width, image.Height));
        }
        var listed = (await officer.Evidence(id, reportId)).Single();
        Assert.Equal("Ra quân làm đường.JPG", listed.GetProperty("fileName").GetString());

        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync($"/api/monitoring/evidence/{fileId}/thumbnail")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Get(EvidenceScenarios.EvidenceUrl(id, reportId))).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/monitoring/evidence/{fileId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.Client.GetAsync($"/api/monitoring/evidence/{Guid.NewGuid()}")).StatusCode);

        var form = await officer.Client.GetStringAsync($"/theo-doi/{id}/bao-cao?ky={EvidenceScenarios.Quarter}");
        Assert.Contains($"data-action=\"/api/monitoring/models/{id}/reports/{reportId}/evidence\"", form);
        Assert.Contains($"/api/monitoring/evidence/{fileId}/thumbnail", form);
        Assert.Contains("Ra quân làm đường.JPG", form);

        var second = (await officer.Upload(id, reportId, "bang-ke.pdf", new GeneratedFile(10_000, GeneratedFile.PdfHead))).Expect(HttpStatusCode.Created);
        (await officer.Client.DeleteAsync($"{EvidenceScenarios.EvidenceUrl(id, reportId)}/{second.Body.GetProperty("fileId").GetGuid()}"))
            .EnsureSuccessStatusCode();
        Assert.Single(await officer.Evidence(id, reportId));
    }

    [Fact]
    public async Task A_phone_photo_a_tiff_scan_and_a_csv_are_kept_without_a_thumbnail_and_download_as_sent()
    {
        var id = await app.AcceptedModel("Minh chứng HEIC TIFF CSV");
        using var officer = await app.As("canbo.phuong1");
        var (reportId, _) = await officer.DraftReport(id);
        byte[] heic = [0, 0, 0, 24, .. System.Text.Encoding.ASCII.GetBytes("ftypheicmif1heic"), 0, 0, 0, 0, .. new byte[3000]];
        byte[] tiff = [0x49, 0x49, 0x2A, 0x00, 8, 0, 0, 0, .. new byte[3000]];
        var csv = System.Text.Encoding.UTF8.GetBytes("STT,Hộ tham gia,Kinh phí\n1,Nguyễn Thị Hoa,\"1.500.000\"\n");
        foreach (var (name, bytes, type) in new[] { ("IMG_0412.HEIC", heic, "image/heic"), ("ban-quet.tif", tiff, "image/tiff"), ("so-lieu.csv", csv, "text/csv") })
        {
            var reply = (await officer.Upload(id, reportId, name, bytes, "application/octet-stream")).Expect(HttpStatusCode.Created);
            Assert.Equal(type, reply.Body.GetProperty("contentType").GetString());
            var fileId = reply.Body.GetProperty("fileId").GetGuid();
            Assert.Equal(HttpStatusCode.NotFound, (await officer.Client.GetAsync($"/api/monitoring/evidence/{fileId}/thumbnail")).StatusCode);
            Assert.Equal(bytes, await officer.Client.GetByteArrayAsync($"/api/monitoring/evidence/{fileId}"));
        }
        var ansi = (await officer.Upload(id, reportId, "cu.csv", [.. System.Text.Encoding.ASCII.GetBytes("STT,H"), 0xD4, 0xD2, 0x0A])).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("CSV UTF-8", ansi.Errors("file").Single());
        Assert.Equal(3, (await officer.Evidence(id, reportId)).Count());
    }
}
