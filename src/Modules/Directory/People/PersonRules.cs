using System.Text.RegularExpressions;
using Emulation.Directory.Units;
using Emulation.Kernel.Security;
using Emulation.Kernel.Web;

namespace Emulation.Directory.People;

public static partial class PersonRules
{
    public const int MaxUserName = 50;
    public const int MaxPassword = 128;
    public const int MinPassword = 8;
    public const int MaxFullName = 100;

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{2,49}$")]
    private static partial Regex UserNamePattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();

    public static Errors Details(Errors errors, string fullName, string? position, string? email) =>
        errors.Required(fullName, "fullName", "họ và tên", MaxFullName)
            .Optional(position, "position", "chức vụ", 200)
            .Optional(email, "email", "thư điện tử", 200)
            .Add(!string.IsNullOrEmpty(email) && email.Length <= 200 && !EmailPattern().IsMatch(email), "email", "Địa chỉ thư điện tử không hợp lệ.");

    public static Errors UserName(Errors errors, string userName, bool taken) =>
        errors.Add(string.IsNullOrWhiteSpace(userName), "userName", "Vui lòng nhập tên đăng nhập.")
            .Add(!string.IsNullOrWhiteSpace(userName) && !UserNamePattern().IsMatch(userName), "userName",
                "Tên đăng nhập gồm 3-50 ký tự: chữ thường không dấu, chữ số, dấu chấm, gạch ngang hoặc gạch dưới.")
            .Add(taken, "userName", $"Tên đăng nhập “{userName}” đã có người dùng.");

    public static Errors Password(Errors errors, string? password, string field = "password") =>
        errors.Add(string.IsNullOrEmpty(password) || password.Length < MinPassword, field, $"Mật khẩu cần ít nhất {MinPassword} ký tự.")
            .Add(password is { Length: > MaxPassword }, field, $"Mật khẩu không được dài quá {MaxPassword} ký tự.")
            .Add(password is { Length: >= MinPassword } && !(password.Any(char.IsLetter) && password.Any(char.IsDigit)), field,
                "Mật khẩu cần có cả chữ và số.");

    /// <summary>A role must name a unit of the right kind: board roles a board, the others any active unit.</summary>
    public static Errors Role(Errors errors, UnitTree tree, string role, Guid? unitId, string field = "roles")
    {
        if (!Roles.All.Contains(role)) return errors.Add(true, field, $"Vai trò “{role}” không tồn tại.");
        if (!Roles.IsScoped(role)) return errors.Add(unitId is not null, field, "Vai trò quản trị không gắn với đơn vị.");
        var unit = tree.Find(unitId);
        if (unit is null) return errors.Add(true, field, $"Vai trò {Roles.Label(role)} cần chọn đơn vị.");
        errors.Add(!unit.Active, field, $"Đơn vị “{unit.Name}” đã sáp nhập, hãy chọn đơn vị mới.");
        var boardRole = Roles.IsBoardRole(role);
        errors.Add(boardRole && unit.Kind != UnitKind.Board, field, $"Vai trò {Roles.Label(role)} phải gắn với một Ban Dân vận hoặc Ban Chỉ đạo.");
        errors.Add(!boardRole && unit.Kind == UnitKind.Board && role == Roles.Officer, field, "Cán bộ đơn vị phải gắn với đơn vị đăng ký, không phải Ban.");
        return errors;
    }
}
