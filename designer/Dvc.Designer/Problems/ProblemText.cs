using Dvc.Engine.Core.Definitions;

namespace Dvc.Designer.Problems;

/// <summary>
/// A problem in the admin's words: what is wrong with the element and the fix to make, in Vietnamese and English,
/// by diagnostic code. Codes without an entry show the compiler's own message (its English names the place exactly).
/// </summary>
public static class ProblemText
{
    private sealed record Entry(string Vi, string En, string FixVi, string FixEn);

    private static readonly Dictionary<string, Entry> Entries = new(StringComparer.Ordinal)
    {
        ["DVC-DEF-002"] = new("Tệp “{0}” không phải JSON hợp lệ.", "The file “{0}” is not valid JSON.", "Mở chế độ văn bản, sửa dòng được chỉ ra.", "Open the text view and fix the line shown."),
        ["DVC-DEF-003"] = new("Thiếu tệp mà thủ tục tham chiếu.", "A file the procedure refers to is missing.", "Tạo tệp đó hoặc bỏ tham chiếu trong phần Thông tin chung.", "Create the file or remove the reference in General."),
        ["DVC-DEF-010"] = new("Thông tin chung của thủ tục chưa đúng: {1}", "The procedure's general information is not right: {1}", "Sửa ô được chỉ ra trong thẻ Thông tin chung.", "Fix the field shown in the General tab."),
        ["DVC-DEF-012"] = new("Có hai mục trùng mã “{0}”.", "Two items share the id “{0}”.", "Đổi mã của một trong hai mục.", "Give one of them another id."),
        ["DVC-AGENCY-005"] = new("Cơ quan giải quyết là một nhóm cơ quan (ví dụ Ủy ban nhân dân phường, xã): phải chọn được cơ quan cụ thể cho từng hồ sơ.", "The handling agency is a group of agencies (e.g. the ward and commune People's Committees): each dossier needs one of them.", "Thêm một trường Phường/Xã (từ 07/2025) hoặc Địa chỉ (dùng chung): hồ sơ sẽ do Ủy ban nhân dân của phường, xã được chọn giải quyết.", "Add a Ward/commune (from 07/2025) or Address (shared) field: the chosen ward's or commune's People's Committee handles the dossier."),
        ["DVC-AGENCY-006"] = new("Trường chọn cơ quan giải quyết không còn trong biểu mẫu.", "The field that chooses the handling agency is no longer in the form.", "Thêm lại trường đó, hoặc xóa mục jurisdiction trong chế độ văn bản để trình thiết kế chọn trường Phường/Xã khác.", "Add the field back, or remove jurisdiction in the text view so the designer picks another ward/commune field."),
        ["DVC-AGENCY-007"] = new("Trường chọn cơ quan giải quyết không phải trường Phường/Xã.", "The field that chooses the handling agency is not a ward/commune field.", "Đổi loại trường thành Phường/Xã (từ 07/2025), ngoài nhóm lặp lại.", "Make it a Ward/commune (from 07/2025) field outside any repeating group."),
        ["DVC-FORM-003"] = new("Trường “{0}” chưa có kiểu dữ liệu.", "The field “{0}” has no type.", "Chọn lại loại trường trong trình dựng biểu mẫu.", "Choose the field's kind again in the form builder."),
        ["DVC-FORM-004"] = new("Trường “{0}” chưa có nhãn tiếng Việt.", "The field “{0}” has no Vietnamese label.", "Nhập nhãn tiếng Việt (và tiếng Anh) cho trường.", "Type the field's Vietnamese (and English) label."),
        ["DVC-FORM-005"] = new("Trường “{0}” dùng kiểu hiển thị mà cổng dịch vụ không có.", "The field “{0}” uses a widget the portal does not have.", "Chọn một loại trường có sẵn.", "Pick one of the available field kinds."),
        ["DVC-FORM-006"] = new("Điều kiện hiển thị của trường “{0}” dựa vào một trường không tồn tại.", "The visibility condition of “{0}” depends on a field that does not exist.", "Chọn lại trường điều kiện hoặc bỏ điều kiện hiển thị.", "Pick the condition's field again or remove the condition."),
        ["DVC-FORM-007"] = new("Trường địa giới “{0}” phụ thuộc vào một trường không có bên cạnh.", "The unit field “{0}” cascades from a field that is not next to it.", "Thêm trường cấp trên (tỉnh/quận) cùng nhóm, hoặc dùng loại Phường/Xã (mới).", "Add the parent field in the same group, or use the commune kind."),
        ["DVC-FORM-008"] = new("Nhãn lựa chọn của trường “{0}” không khớp danh sách giá trị.", "The option labels of “{0}” do not match its values.", "Mở danh sách lựa chọn và lưu lại.", "Open the option list and save it again."),
        ["DVC-FORM-009"] = new("Mẫu kiểm tra (biểu thức chính quy) của trường “{0}” không hợp lệ.", "The pattern of “{0}” is not a valid regular expression.", "Sửa hoặc xóa ô Mẫu kiểm tra.", "Fix or clear the Pattern box."),
        ["DVC-FORM-010"] = new("Một phần của biểu mẫu liệt kê trường không tồn tại.", "A section lists a field that does not exist.", "Xóa trường đó khỏi phần hoặc thêm lại trường.", "Remove it from the section or add the field back."),
        ["DVC-FORM-011"] = new("Một trường bắt buộc không còn trong biểu mẫu.", "A required field is no longer in the form.", "Bỏ đánh dấu bắt buộc hoặc thêm lại trường.", "Untick required or add the field back."),
        ["DVC-FORM-012"] = new("Thông báo lỗi tự đặt của trường “{0}” gắn với kiểm tra không tồn tại.", "A custom error text of “{0}” belongs to no check.", "Xóa thông báo đó.", "Remove that message."),
        ["DVC-FORM-014"] = new("Tên kỹ thuật của trường “{0}” có ký tự không dùng được.", "The field name “{0}” has characters rules cannot use.", "Đổi tên kỹ thuật: chữ cái không dấu, số, dấu gạch dưới.", "Rename it: letters, digits and '_' only."),
        ["DVC-RULE-002"] = new("Quy tắc “{0}” đọc một trường không có trong biểu mẫu.", "The rule “{0}” reads a field that is not in the form.", "Chọn lại trường trong điều kiện, hoặc thêm trường đó vào biểu mẫu.", "Pick the field again in the condition, or add it to the form."),
        ["DVC-RULE-003"] = new("Biểu thức của quy tắc “{0}” không đúng cú pháp.", "The expression of “{0}” is not valid.", "Dựng lại điều kiện bằng trình dựng, hoặc sửa biểu thức.", "Rebuild the condition with the builder, or fix the expression."),
        ["DVC-RULE-004"] = new("Biểu thức của quy tắc “{0}” dùng thứ không được phép.", "The expression of “{0}” uses something not allowed.", "Chỉ dùng trường của biểu mẫu, phép so sánh và các hàm Dvc.", "Use form fields, comparisons and the Dvc functions only."),
        ["DVC-RULE-005"] = new("Quy tắc điều kiện “{0}” chưa có lý do khi không đạt.", "The eligibility rule “{0}” has no reason for a failure.", "Nhập lý do bằng tiếng Việt và tiếng Anh.", "Type the reason in Vietnamese and English."),
        ["DVC-RULE-006"] = new("Số tiền của dòng phí “{0}” không phải là số.", "The amount of fee line “{0}” is not a number.", "Nhập số tiền bằng số (đồng).", "Type the amount as a number of đồng."),
        ["DVC-RULE-007"] = new("Số tiền của dòng phí “{0}” có thể trống khi người nộp bỏ trống một trường.", "The amount of fee line “{0}” can be blank when a field is left blank.", "Đánh dấu trường đó bắt buộc hoặc dùng số tiền cố định.", "Make that field required or use a fixed amount."),
        ["DVC-RULE-008"] = new("Quy tắc giấy tờ “{0}” nhắc đến giấy tờ không có trong thủ tục.", "The checklist rule “{0}” names an attachment the procedure does not have.", "Chọn giấy tờ trong danh sách Giấy tờ đính kèm.", "Pick an attachment from the Attachments list."),
        ["DVC-RULE-009"] = new("Hai quy tắc trùng tên “{0}”.", "Two rules are named “{0}”.", "Đổi tên một quy tắc.", "Rename one of them."),
        ["DVC-RULE-011"] = new("Dòng phí “{0}” chưa có tên hiển thị.", "The fee line “{0}” has no label.", "Nhập tên dòng phí bằng tiếng Việt và tiếng Anh.", "Type the fee line's label in Vietnamese and English."),
        ["DVC-RULE-012"] = new("Các mức phí theo ngày hiệu lực của “{0}” chồng lấn hoặc sai định dạng ngày.", "The dated rates of “{0}” overlap or have a bad date.", "Sửa ngày hiệu lực để các khoảng không chồng lên nhau (yyyy-MM-dd).", "Fix the dates so the periods do not overlap (yyyy-MM-dd)."),
        ["DVC-TEST-002"] = new("Ca kiểm thử “{0}” nhập một trường không có trong biểu mẫu.", "The test case “{0}” fills a field the form does not have.", "Sửa dữ liệu mẫu của ca kiểm thử hoặc xóa ca đó.", "Fix the test case's sample data or delete it."),
        ["DVC-TEST-003"] = new("Ca kiểm thử “{0}” nhắc đến quy tắc không tồn tại.", "The test case “{0}” names a rule that does not exist.", "Lưu lại ca kiểm thử từ bảng thử nghiệm.", "Save the test case again from the tester."),
        ["DVC-TPL-001"] = new("Mẫu văn bản “{0}” có lỗi cú pháp.", "The template “{0}” has a syntax error.", "Mở mẫu ở dòng được chỉ ra và sửa.", "Open the template at the line shown and fix it."),
        ["DVC-TPL-003"] = new("Mẫu văn bản “{0}” dùng một trường không có trong biểu mẫu.", "The template “{0}” uses a field that is not in the form.", "Sửa tên trường trong mẫu hoặc thêm trường vào biểu mẫu.", "Fix the field name in the template or add the field."),
        ["DVC-WF-008"] = new("Quy trình giao việc cho một vai trò mà thủ tục không khai báo.", "The workflow assigns a role the procedure does not declare.", "Thêm vai trò trong Thông tin chung hoặc sửa quy trình.", "Add the role in General or fix the workflow."),
    };

    /// <summary>The problem's text in <paramref name="culture"/> ("vi" or "en"), naming <paramref name="element"/>.</summary>
    public static string Message(Diagnostic diagnostic, string element, bool english) =>
        Entries.TryGetValue(diagnostic.Code, out var entry)
            ? string.Format(System.Globalization.CultureInfo.InvariantCulture, english ? entry.En : entry.Vi, element, diagnostic.Message)
            : diagnostic.Message;

    /// <summary>The fix to make, or null when the compiler's message is all there is.</summary>
    public static string? Fix(Diagnostic diagnostic, bool english) =>
        Entries.TryGetValue(diagnostic.Code, out var entry) ? (english ? entry.FixEn : entry.FixVi) : null;

    public static bool Knows(string code) => Entries.ContainsKey(code);
}
