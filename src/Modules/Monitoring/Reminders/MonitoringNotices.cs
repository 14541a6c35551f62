using Emulation.Scope;
using Marten;

namespace Emulation.Monitoring.Reminders;

/// <summary>The monitoring reminders in the shared inbox.</summary>
public sealed class MonitoringNotices(IDocumentSession session)
    : RoleNoticeSource<MonitoringNotice>(session, "Theo dõi mô hình", "theo-doi:", n => n.Href);
