using Emulation.Kernel.Web;
using Emulation.Monitoring.Following;
using Microsoft.AspNetCore.Http;

namespace Emulation.Monitoring.Evidence;

/// <summary>Who may attach, remove and read a report's files, in the order the caller is told (404 → 403 → 400).
/// A draft is the unit's working paper: only its officers see its files. A submitted report's files are seen by
/// whoever sees the model (everyone signed in, ADR 0017).</summary>
public static class EvidenceRules
{
    public const int MaxFilesPerReport = 30;
    public const string ModelNotFound = "Không tìm thấy mô hình đang được theo dõi.";
    public const string ReportNotFound = "Không tìm thấy báo cáo tiến độ.";
    public const string FileNotFound = "Không tìm thấy tệp minh chứng.";

    public static IResult? RefuseChange(FollowedModel? model, Guid reportId, MonitoringAccess access, int filesAttached, bool adding)
    {
        if (model is null || !access.CanSee(model)) return Problems.NotFound(ModelNotFound);
        var report = model.Report(reportId);
        if (report is null || report.Status == ReportStatus.Draft && !access.IsModelUnit(model)) return Problems.NotFound(ReportNotFound);
        if (!access.IsModelUnit(model)) return Problems.Forbidden("Chỉ cán bộ của đơn vị đăng ký mô hình được đính kèm minh chứng vào báo cáo.");
        if (report.Status != ReportStatus.Draft)
            return Problems.Validation("file", "Báo cáo đã gửi không thay đổi được nữa: hãy lập báo cáo điều chỉnh và đính kèm minh chứng vào đó.");
        if (model.Closed) return Problems.Validation("file", "Mô hình đã dừng theo dõi: không đính kèm thêm minh chứng.");
        if (adding && filesAttached >= MaxFilesPerReport)
            return Problems.Validation("file", $"Mỗi báo cáo đính kèm tối đa {MaxFilesPerReport} tệp. Hãy gộp bớt hoặc xóa tệp không cần.");
        return null;
    }

    public static bool CanRead(FollowedModel? model, EvidenceFile file, MonitoringAccess access)
    {
        if (model is null || !access.CanSee(model)) return false;
        var report = model.Report(file.ReportId);
        return report is not null && (report.Status != ReportStatus.Draft || access.IsModelUnit(model));
    }
}
