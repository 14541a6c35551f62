using Emulation.Scope;
using Marten;

namespace Emulation.Review.Reminders;

/// <summary>The review reminders in the shared inbox.</summary>
public sealed class ReviewNotices(IDocumentSession session)
    : RoleNoticeSource<ReviewNotice>(session, "Đánh giá mô hình", ReviewKeys.Prefix, n => n.Href);
