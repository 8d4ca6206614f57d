using System.Net;

namespace Dvc.Plugins.Simulator;

internal static class Html
{
    public static string Enc(string? text) => WebUtility.HtmlEncode(text ?? "");

    public static string Page(string title, string body) => $$"""
        <!DOCTYPE html>
        <html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{Enc(title)}}</title>
        <style>
          body { font-family: "Noto Sans", "DejaVu Sans", sans-serif; margin: 0; background: #f3f6fa; color: #1b2733; }
          header { background: #005baa; color: #fff; padding: .8rem 1.5rem; font-weight: 600; }
          main { max-width: 46rem; margin: 1.5rem auto; background: #fff; padding: 1.5rem; border-radius: .5rem; box-shadow: 0 1px 4px #0002; }
          dl { display: grid; grid-template-columns: 12rem 1fr; gap: .4rem 1rem; } dt { color: #555; }
          button { padding: .6rem 1.2rem; margin: .3rem .3rem 0 0; border: 0; border-radius: .3rem; cursor: pointer; font-size: 1rem; }
          .pay { background: #0a8a3a; color: #fff; } .fail { background: #b3261e; color: #fff; } .cancel { background: #ccc; }
          .error { color: #b3261e; } table { border-collapse: collapse; width: 100%; } td, th { border-bottom: 1px solid #ddd; padding: .3rem; text-align: left; }
          fieldset { border: 1px solid #ddd; margin: 1rem 0; }
        </style></head>
        <body><header>{{Enc(title)}}</header><main>{{body}}</main></body></html>
        """;
}
