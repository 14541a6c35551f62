using Emulation.Contracts;
using Marten;

namespace Emulation.Registry.Units;

/// <summary>Who can be told about a reminder by e-mail: the registry's copy of a person's address and roles.</summary>
public sealed class Recipient
{
    public Guid Id { get; set; }
    public string FullName { get; set; } = "";
    public string? Email { get; set; }
    public bool Active { get; set; }
    public List<string> Roles { get; set; } = [];

    public static string Key(string role, Guid? unit) => $"{role}@{unit}";
}

public static class PersonUpdatedHandler
{
    public static void Handle(PersonUpdated e, IDocumentSession session) =>
        session.Store(new Recipient
        {
            Id = e.PersonId, FullName = e.FullName, Email = e.Email, Active = e.Active,
            Roles = e.Roles.Select(r => Recipient.Key(r.Role, r.UnitId)).ToList()
        });
}
