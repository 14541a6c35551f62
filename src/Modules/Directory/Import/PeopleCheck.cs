using Emulation.Directory.People;
using Emulation.Directory.Units;
using Emulation.Kernel.Import;
using Emulation.Kernel.Security;
using Emulation.Kernel.Text;
using Emulation.Kernel.Web;

namespace Emulation.Directory.Import;

/// <summary>The people and roles sheets, checked after the units: a role may name a unit the same file brings in. A new
/// person is registered without a password (ADR 0041); details and roles go through the forms' Decide functions.</summary>
sealed class PeopleCheck(IReadOnlyList<SheetRow> personRows, IReadOnlyList<SheetRow> roleRows, IReadOnlyCollection<Person> stored,
    DirectoryImport.UnitOutcome units, Guid by, DateTimeOffset now)
{
    public List<RowPlan> Run()
    {
        var plans = new List<RowPlan>();
        var people = stored.GroupBy(p => p.UserName).ToDictionary(g => g.Key, g => g.First());
        var inFile = new Dictionary<string, SheetRow>();
        var refusedPeople = new Dictionary<string, SheetRow>();

        foreach (var row in personRows)
        {
            var userName = row.Text(DirectoryTemplate.UserName) is { } u ? Credential.Key(u) : "";
            var fullName = row.Text(DirectoryTemplate.FullName);
            var position = Input.Optional(row.Text(DirectoryTemplate.Position));
            var email = Input.Optional(row.Text(DirectoryTemplate.Email))?.ToLowerInvariant();
            if (userName.Length > 0 && !inFile.TryAdd(userName, row))
                row.Fail(DirectoryTemplate.UserName, $"Tên đăng nhập “{userName}” đã có ở dòng {inFile[userName].Number}.");
            var title = fullName ?? SheetRow.CellText(row.Cells.GetValueOrDefault(DirectoryTemplate.FullName));
            if (!row.Ok) { Refused(row, userName, title); continue; }

            if (!people.TryGetValue(userName, out var person))
            {
                var errors = PersonRules.Details(PersonRules.UserName(new Errors(), userName, false), fullName!, position, email);
                if (Fail(row, errors)) { Refused(row, userName, title); continue; }
                var registered = new PersonRegistered(DirectoryTemplate.PersonId(userName), userName, fullName!, position, email, [], by, now);
                people[userName] = Person.Create(registered);
                plans.Add(new RowPlan(row, userName, fullName!, RowFate.New, registered.PersonId, true, [registered],
                    "Tài khoản mới, chưa có mật khẩu: quản trị hệ thống đặt mật khẩu trước khi đăng nhập"));
                continue;
            }
            if (person.FullName == fullName && person.Position == position && person.Email == email)
            {
                plans.Add(new RowPlan(row, userName, fullName!, RowFate.Unchanged, person.Id, false, [], null));
                continue;
            }
            var decision = ChangePersonDetailsEndpoint.Decide(person, new ChangePersonDetails(fullName!, position, email, person.Version), by, now);
            if (Fail(row, decision.Errors)) { Refused(row, userName, title); continue; }
            people[userName] = person.Apply((PersonDetailsChanged)decision.Event!) with { Version = person.Version + 1 };
            plans.Add(new RowPlan(row, userName, fullName!, RowFate.Updated, person.Id, false, [decision.Event!], "Cập nhật họ tên, chức vụ hoặc thư điện tử"));
        }

        foreach (var row in roleRows)
        {
            var userName = row.Text(DirectoryTemplate.UserName) is { } u ? Credential.Key(u) : "";
            var role = row.Choice(DirectoryTemplate.Role);
            var code = row.Text(DirectoryTemplate.RoleUnit)?.ToUpperInvariant();
            var key = $"{userName} · {(role is null ? "" : Roles.Label(role))} · {code}";
            Person? person = null;
            if (userName.Length > 0)
            {
                if (refusedPeople.TryGetValue(userName, out var personRow))
                    row.Fail(DirectoryTemplate.UserName, $"Người dùng “{userName}” ở sheet {DirectoryTemplate.People}, dòng {personRow.Number} bị từ chối; hãy sửa dòng đó trước.");
                else if (!people.TryGetValue(userName, out person))
                    row.Fail(DirectoryTemplate.UserName, $"Không có người dùng “{userName}” trong sheet {DirectoryTemplate.People} hay trong hệ thống.");
            }
            Unit? unit = null;
            if (code is not null)
            {
                if (units.Refused.TryGetValue(code, out var unitRow))
                    row.Fail(DirectoryTemplate.RoleUnit, $"Đơn vị “{code}” ở sheet {DirectoryTemplate.Units}, dòng {unitRow.Number} bị từ chối; hãy sửa dòng đó trước.");
                else if ((unit = units.Tree.FindCode(code)) is null)
                    row.Fail(DirectoryTemplate.RoleUnit, $"Không có đơn vị mã “{code}” trong sheet {DirectoryTemplate.Units} hay trong hệ thống.");
            }
            if (!row.Ok) { plans.Add(new RowPlan(row, key, SheetRow.CellText(row.Cells.GetValueOrDefault(DirectoryTemplate.UserName)), RowFate.Refused, Guid.Empty, false, [], null)); continue; }

            var title = $"{person!.FullName}: {Roles.Label(role!)} tại {unit!.Name}";
            if (person.Roles.Contains(new RoleAssignment(role!, unit.Id)))
            {
                plans.Add(new RowPlan(row, key, title, RowFate.Unchanged, person.Id, false, [], null));
                continue;
            }
            var decision = GrantRoleEndpoint.Decide(person, units.Tree, new GrantRole(role!, unit.Id, person.Version), by, now);
            if (decision.Errors.Ok is false)
            {
                foreach (var m in decision.Errors.Values.SelectMany(v => v)) row.Fail(DirectoryTemplate.Role, m);
                plans.Add(new RowPlan(row, key, title, RowFate.Refused, Guid.Empty, false, [], null));
                continue;
            }
            people[person.UserName] = person.Apply((RoleGranted)decision.Event!) with { Version = person.Version + 1 };
            plans.Add(new RowPlan(row, key, title, RowFate.New, person.Id, false, [decision.Event!], "Giao vai trò"));
        }
        return plans;

        void Refused(SheetRow row, string userName, string title)
        {
            if (userName.Length > 0 && inFile.GetValueOrDefault(userName) == row) refusedPeople.TryAdd(userName, row);
            plans.Add(new RowPlan(row, userName, title, RowFate.Refused, Guid.Empty, false, [], null));
        }
    }

    static bool Fail(SheetRow row, Errors errors)
    {
        foreach (var (field, messages) in errors)
        foreach (var m in messages)
            row.Fail(field switch
            {
                "userName" => DirectoryTemplate.UserName, "fullName" => DirectoryTemplate.FullName, "position" => DirectoryTemplate.Position,
                "email" => DirectoryTemplate.Email, _ => ""
            }, m);
        return !errors.Ok;
    }
}
