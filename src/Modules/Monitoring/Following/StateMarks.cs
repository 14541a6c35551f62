namespace Emulation.Monitoring.Following;

/// <summary>The board's last mark on the model: why and since when it is paused, discontinued or merged.</summary>
public sealed record StateMark(FollowState State, string Reason, string? MergedIntoCode, Guid By, DateTimeOffset At);

public sealed record ResumeRequest(string Reason, Guid By, DateTimeOffset At);

public sealed record ModelPaused(Guid ModelId, string Reason, Guid By, DateTimeOffset At) : IFollowedEvent;
public sealed record ModelDiscontinued(Guid ModelId, string Reason, Guid By, DateTimeOffset At) : IFollowedEvent;
public sealed record ModelMerged(Guid ModelId, string IntoCode, Guid? IntoModelId, string Reason, Guid By, DateTimeOffset At) : IFollowedEvent;
public sealed record ResumeRequested(Guid ModelId, string Reason, Guid By, DateTimeOffset At) : IFollowedEvent;
public sealed record ModelResumed(Guid ModelId, string? Note, Guid By, DateTimeOffset At) : IFollowedEvent;

public sealed partial record FollowedModel
{
    public FollowedModel Apply(ModelPaused e) => this with { State = FollowState.Paused, Mark = new(FollowState.Paused, e.Reason, null, e.By, e.At), PendingResume = null };
    public FollowedModel Apply(ModelDiscontinued e) => this with { State = FollowState.Discontinued, Mark = new(FollowState.Discontinued, e.Reason, null, e.By, e.At), PendingResume = null };
    public FollowedModel Apply(ModelMerged e) => this with { State = FollowState.Merged, Mark = new(FollowState.Merged, e.Reason, e.IntoCode, e.By, e.At), PendingResume = null };
    public FollowedModel Apply(ResumeRequested e) => this with { PendingResume = new(e.Reason, e.By, e.At) };
    public FollowedModel Apply(ModelResumed e) => this with { State = FollowState.Active, Mark = null, PendingResume = null };
}

public static class StateLabels
{
    public static string Code(FollowState s) => s switch
    {
        FollowState.Active => "active", FollowState.Paused => "paused", FollowState.Discontinued => "discontinued", _ => "merged"
    };

    public static string Words(FollowState s) => s switch
    {
        FollowState.Active => "Đang hoạt động", FollowState.Paused => "Tạm dừng", FollowState.Discontinued => "Dừng hoạt động", _ => "Đã sáp nhập"
    };
}
