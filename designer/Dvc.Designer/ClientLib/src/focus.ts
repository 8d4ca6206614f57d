// Selects the editor of the property a problem names: the closest [data-prop] whose value the pointer starts with.
export function focusProperty(property: string): void {
  const scopes = Array.from(document.querySelectorAll<HTMLElement>("[data-prop]"));
  const segments = property.split("/");
  for (let n = segments.length; n > 0; n--) {
    const wanted = segments.slice(0, n).join("/");
    const scope = scopes.find((s) => s.dataset.prop === wanted);
    if (scope) {
      scope.scrollIntoView({ block: "center" });
      const input = scope.querySelector<HTMLElement>("input, textarea, select, [contenteditable=true], button");
      input?.focus();
      scope.classList.add("flash");
      setTimeout(() => scope.classList.remove("flash"), 1500);
      return;
    }
  }
  // No named property: the selected element's first editor.
  const element = document.querySelector<HTMLElement>(".field-props, .rule-card.selected, .attachment.selected");
  element?.scrollIntoView({ block: "center" });
  element?.querySelector<HTMLElement>("input, textarea, select")?.focus();
}
