import { EditorView, basicSetup } from "codemirror";
import { keymap } from "@codemirror/view";
import { json, jsonParseLinter } from "@codemirror/lang-json";
import { linter, lintGutter, setDiagnostics, type Diagnostic } from "@codemirror/lint";
import { EditorSelection } from "@codemirror/state";

interface DotNet { invokeMethodAsync(name: string, ...args: unknown[]): Promise<unknown>; }
interface Mounted { view: EditorView; url: string; file: string; }
interface Problem { line: number; column: number; severity: "error" | "warning"; message: string; }

const mounted = new WeakMap<HTMLElement, Mounted>();

function revision(host: HTMLElement): string {
  return host.closest<HTMLElement>("[data-revision]")?.dataset.revision ?? "0";
}

function status(host: HTMLElement, text: string, error = false): void {
  let bar = host.querySelector<HTMLElement>(".cm-status");
  if (!bar) {
    bar = document.createElement("div");
    bar.className = "cm-status";
    host.prepend(bar);
  }
  bar.textContent = text;
  bar.classList.toggle("error", error);
}

export async function mountText(host: HTMLElement, url: string, file: string, line: number, isJson: boolean, dotnet: DotNet): Promise<void> {
  unmountText(host);
  const response = await fetch(`${url}/${encodeURI(file)}`, { credentials: "same-origin" });
  const text = response.ok ? await response.text() : "";
  const save = async (view: EditorView): Promise<boolean> => {
    status(host, "…");
    const put = await fetch(`${url}/${encodeURI(file)}?revision=${revision(host)}`, {
      method: "PUT",
      credentials: "same-origin",
      headers: { "Content-Type": "text/plain; charset=utf-8" },
      body: view.state.doc.toString(),
    });
    if (put.ok) {
      status(host, "✔");
      await dotnet.invokeMethodAsync("SavedAsync");
    } else {
      status(host, put.status === 409 ? "409: draft changed elsewhere, reload the page" : `${put.status}`, true);
    }
    return true;
  };
  const view = new EditorView({
    doc: text,
    parent: host,
    extensions: [
      basicSetup,
      lintGutter(),
      // The parser's own complaint shows at once, before the server's check.
      ...(isJson ? [json(), linter(jsonParseLinter())] : []),
      keymap.of([{ key: "Mod-s", preventDefault: true, run: (v) => { void save(v); return true; } }]),
      EditorView.theme({ "&": { maxHeight: "70vh" }, ".cm-scroller": { overflow: "auto" } }),
    ],
  });
  mounted.set(host, { view, url, file });
  if (line > 0 && line <= view.state.doc.lines) {
    const at = view.state.doc.line(line).from;
    view.dispatch({ selection: EditorSelection.cursor(at), scrollIntoView: true });
    view.focus();
  }
}

export function lintText(host: HTMLElement, problems: Problem[]): void {
  const m = mounted.get(host);
  if (!m) return;
  const doc = m.view.state.doc;
  const diagnostics: Diagnostic[] = problems
    .filter((p) => p.line >= 1 && p.line <= doc.lines)
    .map((p) => {
      const line = doc.line(p.line);
      const from = Math.min(line.from + Math.max(0, p.column - 1), line.to);
      return { from, to: Math.max(from, line.to), severity: p.severity, message: p.message };
    });
  m.view.dispatch(setDiagnostics(m.view.state, diagnostics));
}

export function unmountText(host: HTMLElement): void {
  mounted.get(host)?.view.destroy();
  mounted.delete(host);
}
