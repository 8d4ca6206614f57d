using System.Globalization;
using Dvc.Engine.Core.Definitions;

namespace Dvc.Engine.Core.Forms;

/// <summary>Default citizen-facing messages per validation keyword, Vietnamese first; <c>x-ui.errors</c> overrides them.</summary>
internal static class FieldMessages
{
    public static LocalizedText For(FormField field, string keyword, params object[] args)
    {
        if (field.Errors.TryGetValue(keyword, out var custom))
        {
            return custom;
        }

        // A label that is a whole sentence ("Tôi xin cam đoan … của mình.") must not end the message with "..".
        var vi = field.Label.Vi.TrimEnd('.');
        var en = field.Label.En.TrimEnd('.');
        string Arg(int i) => Convert.ToString(args.ElementAtOrDefault(i), CultureInfo.InvariantCulture) ?? string.Empty;
        return keyword switch
        {
            // One picks a sex or a ward, one does not "enter" it.
            // A yes/no field is often a whole statement ("I declare that …"): it is answered, not "required".
            "required" when field.Type == FormFieldType.Boolean => new($"Vui lòng trả lời: {vi}.", $"Please answer: {en}."),
            "required" when IsChoice(field) => new($"Vui lòng chọn {vi}.", $"{en} is required."),
            "required" => new($"Vui lòng nhập {vi}.", $"{en} is required."),
            "type" => new($"{vi} không đúng kiểu dữ liệu ({TypeVi(field.Type)}).", $"{en} must be {TypeEn(field.Type)}."),
            "pattern" => new($"{vi} không đúng định dạng.", $"{en} is not in the expected format."),
            "enum" => new($"{vi} phải là một trong các giá trị cho phép.", $"{en} must be one of the allowed values."),
            "minLength" => new($"{vi} phải có ít nhất {Arg(0)} ký tự.", $"{en} must be at least {Arg(0)} characters long."),
            "maxLength" => new($"{vi} không được quá {Arg(0)} ký tự.", $"{en} must be at most {Arg(0)} characters long."),
            "minimum" => new($"{vi} phải lớn hơn hoặc bằng {Arg(0)}.", $"{en} must be at least {Arg(0)}."),
            "maximum" => new($"{vi} phải nhỏ hơn hoặc bằng {Arg(0)}.", $"{en} must be at most {Arg(0)}."),
            "exclusiveMinimum" => new($"{vi} phải lớn hơn {Arg(0)}.", $"{en} must be greater than {Arg(0)}."),
            "exclusiveMaximum" => new($"{vi} phải nhỏ hơn {Arg(0)}.", $"{en} must be less than {Arg(0)}."),
            "multipleOf" => new($"{vi} phải là bội số của {Arg(0)}.", $"{en} must be a multiple of {Arg(0)}."),
            "format" when Arg(0) == "date" => new($"{vi} phải là ngày hợp lệ (dd/MM/yyyy).", $"{en} must be a valid date (dd/MM/yyyy)."),
            "format" when Arg(0) == "email" => new($"{vi} phải là địa chỉ thư điện tử hợp lệ.", $"{en} must be a valid e-mail address."),
            "format" => new($"{vi} không đúng định dạng.", $"{en} is not in the expected format."),
            "citizenId" => new($"{vi} phải gồm đúng 12 chữ số.", $"{en} must be exactly 12 digits."),
            "phone" => new($"{vi} phải là số điện thoại Việt Nam hợp lệ (10 chữ số, bắt đầu bằng 0).", $"{en} must be a valid Vietnamese phone number (10 digits starting with 0)."),
            "minItems" => new($"{vi} phải có ít nhất {Arg(0)} mục.", $"{en} must have at least {Arg(0)} items."),
            "maxItems" => new($"{vi} không được quá {Arg(0)} mục.", $"{en} must have at most {Arg(0)} items."),
            "uniqueItems" => new($"{vi} không được có mục trùng nhau.", $"{en} must not contain duplicate items."),
            // Arguments: the other date's label (vi, en) and the date itself.
            "before" => new($"{vi} phải trước {Arg(0)} ({Arg(2)}).", $"{en} must be before {Arg(1)} ({Arg(2)})."),
            "notAfter" => new($"{vi} không được sau {Arg(0)} ({Arg(2)}).", $"{en} must not be after {Arg(1)} ({Arg(2)})."),
            "after" => new($"{vi} phải sau {Arg(0)} ({Arg(2)}).", $"{en} must be after {Arg(1)} ({Arg(2)})."),
            "notBefore" => new($"{vi} không được trước {Arg(0)} ({Arg(2)}).", $"{en} must not be before {Arg(1)} ({Arg(2)})."),
            // Arguments: the item field's label (vi, en), the comparison, the expected and the actual total.
            "sum" when Arg(2) == "=" => new($"Tổng {Arg(0).ToLowerInvariant()} của {vi} phải bằng {Arg(3)} (hiện là {Arg(4)}).", $"The {Arg(1)} of {en} must add up to {Arg(3)} (now {Arg(4)})."),
            "sum" when Arg(2) == ">=" => new($"Tổng {Arg(0).ToLowerInvariant()} của {vi} phải ít nhất {Arg(3)} (hiện là {Arg(4)}).", $"The {Arg(1)} of {en} must add up to at least {Arg(3)} (now {Arg(4)})."),
            "sum" => new($"Tổng {Arg(0).ToLowerInvariant()} của {vi} không được quá {Arg(3)} (hiện là {Arg(4)}).", $"The {Arg(1)} of {en} must add up to at most {Arg(3)} (now {Arg(4)})."),
            "additionalProperties" => new($"Trường '{Arg(0)}' không có trong biểu mẫu.", $"The field '{Arg(0)}' is not part of the form."),
            _ => new($"{vi} không hợp lệ.", $"{en} is not valid."),
        };
    }

    private static bool IsChoice(FormField field) =>
        field.Enum is not null || field.Widget is "select" or "radio" or "checkbox" or "district" or "ward";

    private static string TypeVi(FormFieldType type) => type switch
    {
        FormFieldType.String => "chuỗi ký tự",
        FormFieldType.Integer => "số nguyên",
        FormFieldType.Number => "số",
        FormFieldType.Boolean => "có/không",
        FormFieldType.Object => "nhóm thông tin",
        _ => "danh sách",
    };

    private static string TypeEn(FormFieldType type) => type switch
    {
        FormFieldType.String => "text",
        FormFieldType.Integer => "a whole number",
        FormFieldType.Number => "a number",
        FormFieldType.Boolean => "yes or no",
        FormFieldType.Object => "a group of fields",
        _ => "a list",
    };
}
