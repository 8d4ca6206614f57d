namespace Dvc.Engine.Core.Definitions;

/// <summary>
/// The files <c>dvc new</c> writes and the designer starts a new procedure from; every part is small, valid and
/// cross-checked so the author starts from green.
/// </summary>
public static class ProcedureScaffold
{
    public static IEnumerable<(string File, string Content)> Files(string code, string? sharedApplicantRef)
    {
        yield return ("procedure.json", $$"""
            {
              "$schema": "../../procedure.schema.json",
              "code": "{{code}}",
              "version": "0.1.0",
              "name": { "vi": "Tên thủ tục (cần sửa)", "en": "Procedure name (to edit)" },
              "description": { "vi": "Mô tả ngắn gọn thủ tục.", "en": "A short description of the procedure." },
              "agency": { "code": "HN-CO-QUAN", "name": { "vi": "Cơ quan giải quyết (cần sửa)", "en": "Handling agency (to edit)" } },
              "administrativeLevel": "city",
              "serviceLevel": 3,
              "processingDays": 5,
              "fee": { "description": { "vi": "50.000 đồng/hồ sơ", "en": "VND 50,000 per dossier" } },
              "resultDelivery": ["counter"],
              "attachments": [
                {
                  "id": "ban-sao-cccd",
                  "name": { "vi": "Bản sao thẻ căn cước", "en": "Copy of the identity card" },
                  "required": true,
                  "acceptedTypes": ["application/pdf", "image/jpeg", "image/png"],
                  "maxSizeMb": 5,
                  "copies": "copy"
                },
                {
                  "id": "van-ban-uy-quyen",
                  "name": { "vi": "Văn bản ủy quyền", "en": "Letter of authorisation" },
                  "required": false,
                  "acceptedTypes": ["application/pdf"],
                  "maxSizeMb": 5,
                  "copies": "certified-copy"
                }
              ],
              "roles": [
                { "id": "tiep-nhan", "name": { "vi": "Cán bộ tiếp nhận", "en": "Reception officer" } }
              ],
              "parts": {
                "form": "form.schema.json",
                "rules": "rules.json",
                "workflow": "workflow.json",
                "templates": { "result": "templates/result.sbn", "receipt": "templates/receipt.sbn" },
                "tests": "tests"
              },
              "legalBasis": []
            }
            """);

        var applicant = sharedApplicantRef is not null
            ? $$"""
                "applicant": {
                      "$ref": "{{sharedApplicantRef}}",
                      "x-ui": { "label": { "vi": "Người nộp hồ sơ", "en": "Applicant" }, "order": 1 }
                    }
                """
            : """
                "applicant": {
                      "type": "object",
                      "required": ["fullName", "birthDate"],
                      "x-ui": { "label": { "vi": "Người nộp hồ sơ", "en": "Applicant" }, "widget": "group", "order": 1 },
                      "properties": {
                        "fullName": { "type": "string", "minLength": 2, "x-ui": { "label": { "vi": "Họ và tên", "en": "Full name" }, "order": 1 } },
                        "birthDate": { "type": "string", "format": "date", "x-ui": { "label": { "vi": "Ngày sinh", "en": "Date of birth" }, "widget": "date", "order": 2 } }
                      }
                    }
                """;
        yield return ("form.schema.json", $$"""
            {
              "$schema": "http://json-schema.org/draft-07/schema#",
              "type": "object",
              "required": ["applicant", "copies"],
              "properties": {
                {{applicant}},
                "copies": {
                  "type": "integer", "minimum": 1, "maximum": 20,
                  "x-ui": { "label": { "vi": "Số bản", "en": "Number of copies" }, "widget": "number", "order": 2 }
                },
                "byProxy": {
                  "type": "boolean",
                  "x-ui": { "label": { "vi": "Nộp thay (được ủy quyền)", "en": "Filed on someone's behalf" }, "widget": "checkbox", "order": 3 }
                }
              }
            }
            """);

        yield return ("rules.json", """
            [
              {
                "WorkflowName": "eligibility",
                "Rules": [
                  {
                    "RuleName": "du-18-tuoi",
                    "Expression": "Dvc.Age(input.applicant.birthDate, ctx.SubmittedOn) >= 18",
                    "Properties": { "reason": { "vi": "Người nộp hồ sơ phải đủ 18 tuổi.", "en": "The applicant must be at least 18 years old." } }
                  }
                ]
              },
              {
                "WorkflowName": "fees",
                "Rules": [
                  {
                    "RuleName": "le-phi",
                    "Expression": "true",
                    "Properties": { "amount": "50000 * (input.copies ?? 1)", "label": { "vi": "Lệ phí", "en": "Fee" } }
                  }
                ]
              },
              {
                "WorkflowName": "checklist",
                "Rules": [
                  {
                    "RuleName": "nop-thay-can-uy-quyen",
                    "Expression": "input.byProxy == true",
                    "Properties": { "attachment": "van-ban-uy-quyen", "note": { "vi": "Khi nộp thay cần văn bản ủy quyền.", "en": "Filing on someone's behalf needs a letter of authorisation." } }
                  }
                ]
              }
            ]
            """);

        var id = code.ToLowerInvariant();
        yield return ("workflow.json", $$"""
            {
              "id": "{{id}}-v1",
              "definitionId": "{{id}}",
              "name": "{{code}}",
              "version": 1,
              "root": {
                "id": "flowchart",
                "type": "Elsa.Flowchart",
                "version": 1,
                "activities": [
                  { "id": "start", "type": "Elsa.Start", "version": 1 },
                  {
                    "id": "reception",
                    "type": "Dvc.HumanTask",
                    "version": 1,
                    "role": { "typeName": "String", "expression": { "type": "Literal", "value": "tiep-nhan" } },
                    "title": { "typeName": "Object", "expression": { "type": "Literal", "value": { "vi": "Kiểm tra và giải quyết hồ sơ", "en": "Check and decide the dossier" } } },
                    "slaDays": { "typeName": "Double", "expression": { "type": "Literal", "value": 5 } },
                    "outcomes": ["Approve", "Reject"]
                  },
                  {
                    "id": "issue",
                    "type": "Dvc.IssueResult",
                    "version": 1,
                    "template": { "typeName": "String", "expression": { "type": "Literal", "value": "result" } },
                    "decision": { "typeName": "String", "expression": { "type": "Literal", "value": "Approved" } }
                  },
                  {
                    "id": "reject",
                    "type": "Dvc.IssueResult",
                    "version": 1,
                    "template": { "typeName": "String", "expression": { "type": "Literal", "value": "result" } },
                    "decision": { "typeName": "String", "expression": { "type": "Literal", "value": "Rejected" } }
                  },
                  { "id": "end", "type": "Elsa.End", "version": 1 }
                ],
                "connections": [
                  { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "reception", "port": "In" } },
                  { "source": { "activity": "reception", "port": "Approve" }, "target": { "activity": "issue", "port": "In" } },
                  { "source": { "activity": "reception", "port": "Reject" }, "target": { "activity": "reject", "port": "In" } },
                  { "source": { "activity": "issue", "port": "Done" }, "target": { "activity": "end", "port": "In" } },
                  { "source": { "activity": "reject", "port": "Done" }, "target": { "activity": "end", "port": "In" } }
                ]
              }
            }
            """);

        yield return ("templates/result.sbn", """
            KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH
            {{ procedure.name }}
            Số hồ sơ: {{ dossier.code }}
            Người nộp: {{ data.applicant.fullName }}
            Kết quả: {{ if dossier.decision.outcome == "Reject" }}Không chấp thuận{{ else }}Chấp thuận{{ end }}
            Ngày: {{ vndate today }}
            """);

        yield return ("templates/receipt.sbn", """
            BIÊN LAI THU PHÍ, LỆ PHÍ
            Số hồ sơ: {{ dossier.code }}
            Số tiền: {{ vnd dossier.fee }}
            """);

        yield return ("tests/01-hai-ban.json", """
            {
              "name": "Người 30 tuổi xin 2 bản",
              "submittedOn": "2026-03-02",
              "input": { "applicant": { "fullName": "Nguyễn Văn An", "birthDate": "1995-06-15" }, "copies": 2 },
              "steps": [{ "task": "reception", "outcome": "Approve" }],
              "expect": {
                "eligible": true,
                "fee": 100000,
                "checklist": ["ban-sao-cccd"],
                "rendered": { "receipt": ["100.000 đ"] },
                "workflowPath": ["reception", "issue"]
              }
            }
            """);
    }
}
