using System.Globalization;

namespace Dvc.Designer.Localization;

/// <summary>
/// The designer speaks Vietnamese first, English second. Texts sit where they are used as pairs
/// (<c>T.L("Lưu", "Save")</c>), so no key can drift from its text; the language is the request's culture.
/// </summary>
public sealed class DesignerText
{
    public bool English { get; set; }

    public string Culture => English ? "en" : "vi";

    public string L(string vi, string en) => English ? en : vi;

    /// <summary>The vi or en text of a localized value, falling back to Vietnamese.</summary>
    public string Pick(string? vi, string? en) => English && !string.IsNullOrWhiteSpace(en) ? en : vi ?? "";

    public string Date(DateTimeOffset? at) =>
        at is { } value ? value.ToOffset(TimeSpan.FromHours(7)).ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture) : "";

    /// <summary>135.000 đ, as the portal writes amounts.</summary>
    public static string Vnd(long amount) =>
        amount.ToString("#,##0", CultureInfo.InvariantCulture).Replace(',', '.') + " đ";

    public string Level(string level) => level switch
    {
        "city" => L("Cấp tỉnh/thành phố", "City/province"),
        "district" => L("Cấp huyện (trước 07/2025)", "District (before 07/2025)"),
        "commune" => L("Cấp xã", "Commune"),
        _ => level,
    };

    public string ServiceLevel(int level) => level == 4 ? L("Mức 4 – toàn trình", "Level 4 – fully online") : L("Mức 3 – một phần", "Level 3 – partly online");

    public string Kind(Forms.FieldKind kind) => kind switch
    {
        Forms.FieldKind.Text => L("Văn bản ngắn", "Short text"),
        Forms.FieldKind.Textarea => L("Đoạn văn", "Paragraph"),
        Forms.FieldKind.Number => L("Số", "Number"),
        Forms.FieldKind.Money => L("Số tiền (đồng)", "Amount (VND)"),
        Forms.FieldKind.Date => L("Ngày", "Date"),
        Forms.FieldKind.Select => L("Chọn một (danh sách)", "Choose one (list)"),
        Forms.FieldKind.Radio => L("Chọn một (nút)", "Choose one (buttons)"),
        Forms.FieldKind.Checkbox => L("Ô đánh dấu", "Checkbox"),
        Forms.FieldKind.MultiChoice => L("Chọn nhiều", "Choose several"),
        Forms.FieldKind.CitizenId => L("Số định danh (CCCD)", "Citizen ID"),
        Forms.FieldKind.Phone => L("Số điện thoại", "Phone"),
        Forms.FieldKind.Email => L("Thư điện tử", "E-mail"),
        Forms.FieldKind.Commune => L("Phường/Xã (từ 07/2025)", "Ward/commune (from 07/2025)"),
        Forms.FieldKind.District => L("Quận/Huyện (trước 07/2025)", "District (before 07/2025)"),
        Forms.FieldKind.Ward => L("Phường/Xã (trước 07/2025)", "Ward (before 07/2025)"),
        Forms.FieldKind.Group => L("Nhóm trường", "Group"),
        Forms.FieldKind.Repeat => L("Nhóm lặp lại", "Repeating group"),
        Forms.FieldKind.Applicant => L("Người nộp (dùng chung)", "Applicant (shared)"),
        Forms.FieldKind.Address => L("Địa chỉ (dùng chung)", "Address (shared)"),
        _ => L("Khác", "Other"),
    };

    /// <summary>Why a procedure could not be created or imported (the server answers with a key).</summary>
    public string CreateError(string? key) => key switch
    {
        "code-format" => L("Mã thủ tục gồm chữ in hoa và số, các nhóm nối bằng dấu gạch ngang, ví dụ HN-TP-010.", "A code is capital letters and digits in dash-separated groups, e.g. HN-TP-010."),
        "code-taken" => L("Mã này đã có thủ tục dùng.", "Another procedure already has this code."),
        "agency-forbidden" => L("Bạn chỉ tạo được thủ tục của cơ quan mình.", "You can only create procedures of your own agency."),
        "name-missing" => L("Hãy nhập tên thủ tục bằng tiếng Việt.", "Type the procedure's Vietnamese name."),
        "copy-missing" => L("Chọn thủ tục để sao chép.", "Choose the procedure to copy."),
        "import-invalid" => L("Tệp không phải gói thủ tục (.json) hay thư mục nén (.zip) có procedure.json.", "The file is not a procedure bundle (.json) or a zipped folder (.zip) with procedure.json."),
        _ => L("Không tạo được thủ tục.", "The procedure could not be created."),
    };

    public string Operator(string op) => op switch
    {
        "==" => L("bằng", "equals"),
        "!=" => L("khác", "is not"),
        ">" => L("lớn hơn", "greater than"),
        ">=" => L("từ (≥)", "at least"),
        "<" => L("nhỏ hơn", "less than"),
        "<=" => L("đến (≤)", "at most"),
        _ => op,
    };
}
