using Emulation.Monitoring.Evidence;

namespace Emulation.Monitoring.Following;

/// <summary>Evidence changes a draft report, so it moves the model's version like any other change (the version a
/// client sends back with its next step); the files themselves are listed by <see cref="EvidenceFile"/>.</summary>
public sealed partial record FollowedModel
{
    public FollowedModel Apply(EvidenceAttached e) => this;

    public FollowedModel Apply(EvidenceRemoved e) => this;
}
