// Progressive enhancement for generated forms. The server validates everything; this script only hides fields
// whose visibleWhen is false, cascades district → ward, and adds/removes repeating-group items.
(function () {
  "use strict";
  function valueOf(name) {
    var els = document.querySelectorAll('[name="' + CSS.escape(name) + '"]');
    for (var i = 0; i < els.length; i++) {
      var el = els[i];
      if (el.type === "radio") { if (el.checked) return el.value; continue; }
      if (el.type === "checkbox") return el.checked ? "true" : "false";
      return el.value;
    }
    return "";
  }
  function applyVisibility() {
    document.querySelectorAll("[data-visible-field]:not([data-visible-field=\"\"])").forEach(function (wrapper) {
      var values = JSON.parse(wrapper.getAttribute("data-visible-values") || "[]");
      var visible = values.indexOf(valueOf(wrapper.getAttribute("data-visible-field"))) >= 0;
      wrapper.hidden = !visible;
    });
  }
  function applyCascade() {
    document.querySelectorAll("input[data-cascade-from]:not([data-cascade-from=\"\"])[list]").forEach(function (input) {
      var parent = valueOf(input.getAttribute("data-cascade-from"));
      var list = document.getElementById(input.getAttribute("list"));
      if (!list) return;
      list.querySelectorAll('option[data-parent]:not([data-parent=""])').forEach(function (option) {
        option.disabled = !!parent && option.getAttribute("data-parent") !== parent;
      });
    });
    document.querySelectorAll("select[data-cascade-from]:not([data-cascade-from=\"\"])").forEach(function (select) {
      var parent = valueOf(select.getAttribute("data-cascade-from"));
      var keep = false;
      select.querySelectorAll('option[data-parent]:not([data-parent=""])').forEach(function (option) {
        var show = !parent || option.getAttribute("data-parent") === parent;
        option.hidden = !show; option.disabled = !show;
        if (show && option.selected) keep = true;
      });
      if (!keep && select.selectedOptions.length && select.selectedOptions[0].hasAttribute("data-parent")) select.value = "";
    });
  }
  function renumber(container) {
    var items = container.querySelectorAll(":scope > .repeat-items > .repeat-item");
    items.forEach(function (item, index) { var n = item.querySelector(".item-number"); if (n) n.textContent = index + 1; });
  }
  document.addEventListener("click", function (e) {
    var add = e.target.closest("[data-repeat-add]");
    if (add) {
      e.preventDefault();
      var container = add.closest(".repeat");
      var template = container.querySelector(":scope > template");
      var list = container.querySelector(":scope > .repeat-items");
      var next = parseInt(container.getAttribute("data-next") || "0", 10);
      container.setAttribute("data-next", String(next + 1));
      var html = template.innerHTML.split("999999").join(String(next));
      var holder = document.createElement("div");
      holder.innerHTML = html.trim();
      list.appendChild(holder.firstElementChild);
      renumber(container); applyVisibility(); applyCascade();
      return;
    }
    var remove = e.target.closest("[data-repeat-remove]");
    if (remove) {
      e.preventDefault();
      var c = remove.closest(".repeat");
      remove.closest(".repeat-item").remove();
      renumber(c);
    }
  });
  // A hint only: the server checks type and size again and its answer is the one that counts.
  function checkFileSize(input) {
    var max = parseInt(input.getAttribute("data-max-bytes") || "0", 10);
    var hint = input.parentElement.querySelector(".file-hint");
    if (!hint) { hint = document.createElement("p"); hint.className = "field-error file-hint"; hint.hidden = true; input.insertAdjacentElement("afterend", hint); }
    var tooLarge = max > 0 && input.files && input.files.length > 0 && input.files[0].size > max;
    hint.textContent = tooLarge ? input.getAttribute("data-too-large") : "";
    hint.hidden = !tooLarge;
  }
  // Files over their limit, or together over what one request may carry, would cost the citizen the whole page
  // (the server cannot read a body over its limit): stop the submission here, keep what was typed, say why.
  document.addEventListener("submit", function (e) {
    var form = e.target;
    var limit = parseInt(form.getAttribute("data-max-request-bytes") || "0", 10);
    if (!limit) return;
    var total = 0, tooLarge = false;
    form.querySelectorAll("input[type=file]").forEach(function (input) {
      if (!input.files || input.files.length === 0) return;
      total += input.files[0].size;
      if (input.hasAttribute("data-max-bytes")) { checkFileSize(input); tooLarge = tooLarge || !input.parentElement.querySelector(".file-hint").hidden; }
    });
    var notice = form.querySelector(".upload-too-large");
    if (!notice) { notice = document.createElement("p"); notice.className = "notice error upload-too-large"; notice.setAttribute("role", "alert"); form.insertAdjacentElement("afterbegin", notice); }
    var blocked = tooLarge || total > limit;
    notice.hidden = !blocked;
    notice.textContent = !blocked ? "" : total > limit ? form.getAttribute("data-too-large-total") : form.getAttribute("data-too-large-file");
    if (blocked) { e.preventDefault(); notice.scrollIntoView({ block: "center" }); }
  });
  document.addEventListener("change", function (e) {
    if (e.target.matches && e.target.matches("input[type=file][data-max-bytes]")) checkFileSize(e.target);
    applyVisibility(); applyCascade();
  });
  document.addEventListener("input", function (e) { if (e.target.matches("input[type=radio],input[type=checkbox]")) applyVisibility(); });
  document.addEventListener("DOMContentLoaded", function () { applyVisibility(); applyCascade(); });
})();
