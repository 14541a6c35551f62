using Emulation.Contracts;

namespace Emulation.Scope;

/// <summary>A module's own copy of a person's address and roles, kept from <see cref="PersonUpdated"/>.</summary>
public abstract class PersonCopy
{
    public Guid Id { get; set; }
    public string FullName { get; set; } = "";
    public string? Email { get; set; }
    public bool Active { get; set; }
    public List<string> Roles { get; set; } = [];
    public long SourceVersion { get; set; }

    public static string Key(string role, Guid? unit) => $"{role}@{unit}";

    public bool Holds(string role, Guid? unit) => Roles.Contains(Key(role, unit));

    public bool Accept(PersonUpdated e)
    {
        if (e.Version <= SourceVersion) return false;
        Id = e.PersonId;
        FullName = e.FullName;
        Email = e.Email;
        Active = e.Active;
        Roles = e.Roles.Select(r => Key(r.Role, r.UnitId)).ToList();
        SourceVersion = e.Version;
        return true;
    }
}
