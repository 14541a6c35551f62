using Marten.Events.Projections;

namespace Emulation.Registry.Models;

/// <summary>Registry code → accepted model, kept by an inline projection in the acceptance's own transaction:
/// what a later command decides on (replicating by code) must not wait for the asynchronous list.</summary>
public sealed class AcceptedCode
{
    public string Id { get; set; } = "";
    public Guid ModelId { get; set; }
}

public sealed partial class AcceptedCodeProjection : EventProjection
{
    public AcceptedCodeProjection() => Name = "AcceptedCode";

    public AcceptedCode Create(ModelAccepted e) => new() { Id = e.RegistryCode, ModelId = e.ModelId };
}
