using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using OpenIddict.Abstractions;

namespace Dvc.IdentityProvider;

/// <summary>
/// The provider's only real page: "sign in with your electronic identity" listing the configured people, each with
/// the data the portal will receive, and a refuse button. The client's authorization request rides along in hidden
/// fields, so the page posts back to the authorize endpoint. Plain HTML with its own styles: it is another site.
/// </summary>
internal static class SignInPage
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    public static string Render(OpenIddictRequest request, IReadOnlyList<CitizenIdentity> citizens)
    {
        var hidden = new StringBuilder();
        foreach (var (name, value) in request.GetParameters())
        {
            hidden.Append(CultureInfo.InvariantCulture, $"<input type=\"hidden\" name=\"{Html.Encode(name)}\" value=\"{Html.Encode(value.ToString() ?? "")}\">");
        }

        var people = new StringBuilder();
        foreach (var c in citizens)
        {
            people.Append(CultureInfo.InvariantCulture, $"""
                <li><button type="submit" name="choice" value="{Html.Encode(c.Subject)}" id="as-{Html.Encode(c.Subject)}">
                <strong>{Html.Encode(c.FullName)}</strong>
                <span>Số định danh {Html.Encode(c.CitizenId)} · sinh ngày {c.BirthDate.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)} · {(c.Gender == "female" ? "Nữ" : "Nam")}</span>
                <span>{Html.Encode(c.Street)}, {Html.Encode(c.Commune)}, {Html.Encode(c.Province)}</span>
                </button></li>
                """);
        }

        return Page("Đăng nhập bằng tài khoản định danh điện tử", $"""
            <h1>Đăng nhập bằng tài khoản định danh điện tử</h1>
            <p class="lead">Máy chủ thử nghiệm thay cho VNeID / Cổng Dịch vụ công quốc gia. Chọn người đăng nhập; cổng dịch vụ công
            sẽ nhận họ tên, số định danh cá nhân, ngày sinh, giới tính, số điện thoại, thư điện tử và nơi thường trú.</p>
            <p class="lead en">Stand-in for VNeID / the national portal's sign-on. Choose who signs in; the portal receives their
            name, ID number, birth date, sex, phone, e-mail and permanent residence.</p>
            <form method="post">
              {hidden}
              <ul class="people">{people}</ul>
              <p><button type="submit" name="choice" value="refuse" id="refuse" class="refuse">Từ chối chia sẻ thông tin / Refuse</button></p>
            </form>
            """);
    }

    public static string Home() => Page("VNeID (thử nghiệm)", "<h1>VNeID (thử nghiệm)</h1><p class=\"lead\" id=\"signed-out\">Bạn đã đăng xuất khỏi tài khoản định danh điện tử. / You are signed out.</p>");

    private static string Page(string title, string body) => $$"""
        <!DOCTYPE html>
        <html lang="vi"><head><meta charset="utf-8"><title>{{Html.Encode(title)}}</title>
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <style>
          body { font-family: "Noto Sans", "DejaVu Sans", sans-serif; margin: 0; background: #f3f4f6; color: #1f2937; }
          header { background: #b91c1c; color: #fff; padding: .8rem 1.5rem; font-weight: 700; letter-spacing: .02em; }
          main { max-width: 46rem; margin: 1.5rem auto; background: #fff; padding: 1.5rem 2rem; border-radius: .5rem; }
          h1 { font-size: 1.4rem; margin-top: 0; }
          .lead { color: #4b5563; } .en { font-size: .9rem; }
          ul.people { list-style: none; padding: 0; }
          ul.people button { display: block; width: 100%; text-align: left; margin: .5rem 0; padding: .7rem 1rem; border: 1px solid #d1d5db;
            border-radius: .4rem; background: #fff; cursor: pointer; font: inherit; }
          ul.people button:hover { border-color: #b91c1c; background: #fef2f2; }
          ul.people span { display: block; color: #4b5563; font-size: .9rem; }
          .refuse { padding: .5rem 1rem; border: 1px solid #9ca3af; background: #f9fafb; border-radius: .4rem; font: inherit; cursor: pointer; }
        </style></head>
        <body><header>VNeID · Định danh điện tử (máy chủ thử nghiệm)</header><main>{{body}}</main></body></html>
        """;
}
