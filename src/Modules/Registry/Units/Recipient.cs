using Emulation.Contracts;
using Emulation.Scope;
using Marten;

namespace Emulation.Registry.Units;

/// <summary>Who can be told about a reminder by e-mail: the registry's copy of a person's address and roles.</summary>
public sealed class Recipient : PersonCopy;

public static class PersonUpdatedHandler
{
    public static Task Handle(PersonUpdated e, IDocumentSession session, CancellationToken ct) =>
        CopyWriter.ApplyAsync<Recipient>(session, e.PersonId, p => p.Accept(e), ct);
}
