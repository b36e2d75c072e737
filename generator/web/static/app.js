// Progressive enhancement only: every page works without this file.
"use strict";
document.documentElement.classList.add("js");

function csrfToken() {
  const meta = document.querySelector('meta[name="csrf-token"]');
  return meta ? meta.content : "";
}

function nextIndex(container) {
  let max = -1;
  container.querySelectorAll("[data-row]").forEach((row) => {
    const n = parseInt(row.dataset.row, 10);
    if (!Number.isNaN(n) && n > max) max = n;
  });
  return max + 1;
}

// Errors are shown for inputs the clerk has touched (and those the server already flagged), not
// for fields still waiting to be filled in.
const touched = new Set();

function touch(name) {
  if (!name) return;
  touched.add(name);
  const row = name.match(/^((?:requirements|overrides)\.\d+)\./);
  if (row) touched.add(row[1]);
}

function showErrors(form, result) {
  form.querySelectorAll(".field-error").forEach((box) => { box.textContent = ""; });
  form.querySelectorAll(".invalid").forEach((el) => el.classList.remove("invalid"));
  form.querySelectorAll("[aria-invalid]").forEach((el) => el.removeAttribute("aria-invalid"));
  for (const [name, messages] of Object.entries(result.errors || {})) {
    if (!touched.has(name)) continue;
    const box = document.getElementById(`err-${name}`);
    if (!box) continue;
    messages.forEach((m) => { const div = document.createElement("div"); div.textContent = m; box.appendChild(div); });
    const input = document.getElementById(`f-${name}`);
    if (input) input.setAttribute("aria-invalid", "true");
    const holder = box.closest(".field, .req-row, .ovr-row, .item-row");
    if (holder) holder.classList.add("invalid");
  }
  showReadings(form, result.readings || {});
  const save = document.getElementById("save");
  if (save) save.title = Object.keys(result.errors || {}).length ? "还有未填写或填写有误的项目，保存时会一并列出" : "";
}

// What each requirement's 原文 reads as: fills a row the clerk has not set by hand, and says so
// when the row disagrees with its own text.
function showReadings(form, readings) {
  form.querySelectorAll("#requirements .req-row").forEach((row) => {
    const index = row.dataset.row;
    const box = row.querySelector(".reading");
    const reading = readings[index];
    if (!box) return;
    if (!reading) { box.textContent = ""; box.classList.remove("mismatch"); return; }
    if (row.dataset.auto === "1") {
      const set = (key, value) => {
        const input = row.querySelector(`[name="requirements.${index}.${key}"]`);
        if (input && value !== undefined && (key === "kind" || key === "bound" || !input.value)) input.value = value;
      };
      set("kind", reading.kind); set("bound", reading.bound); set("value", reading.value); set("qualifier", reading.qualifier);
      box.textContent = `已按原文填写：${reading.words}（请核对）`;
      box.classList.remove("mismatch");
      return;
    }
    box.textContent = reading.mismatch ? `⚠ ${reading.mismatch}` : `原文读作：${reading.words}`;
    box.classList.toggle("mismatch", Boolean(reading.mismatch));
  });
}

function liveCheck(form) {
  let timer = null;
  let seq = 0;
  const run = () => {
    const mine = ++seq;
    fetch(form.dataset.checkUrl, {
      method: "POST", body: new FormData(form), credentials: "same-origin",
      headers: { "X-CSRF-Token": csrfToken() },
    }).then((r) => (r.ok ? r.json() : null)).then((result) => {
      if (result && mine === seq) showErrors(form, result);
    }).catch(() => {});
  };
  const schedule = () => { clearTimeout(timer); timer = setTimeout(run, 450); };
  form.querySelectorAll(".field-error").forEach((box) => { if (box.textContent.trim()) touch(box.dataset.for); });
  const byHand = (target) => {  // the clerk set kind, bound, value or qualifier: stop filling the row
    const name = target.name || "";
    if (/^requirements\.\d+\.(kind|bound|value|qualifier)$/.test(name)) {
      const row = target.closest(".req-row");
      if (row) row.dataset.auto = "0";
    }
  };
  form.addEventListener("input", (event) => {
    touch(event.target.name);
    byHand(event.target);
    const text = event.target.name && event.target.name.match(/^(requirements\.\d+\.)text$/);
    const lead = text ? event.target.value.trim().charAt(0) : "";
    if (lead === "★" || lead === "▲") {  // “★质保期…” is starred: say so in the mark column too
      const mark = form.querySelector(`select[name="${text[1]}mark"]`);
      if (mark) mark.value = lead;
    }
    schedule();
  });
  form.addEventListener("change", (event) => { touch(event.target.name); byHand(event.target); schedule(); });
  form.addEventListener("click", (event) => {
    const button = event.target.closest(".remove-row");
    if (button) { button.closest("[data-row]").remove(); schedule(); }
  });
}

// Saving a draft comes back to where the clerk was working, not to the top of the page.
function rememberPlace(form) {
  const anchor = form.querySelector('input[name="anchor"]');
  if (!anchor) return;
  form.addEventListener("focusin", (event) => {
    if (event.target.id && event.target.id.startsWith("f-")) anchor.value = event.target.id;
  });
}

// Leaving a form with changes asks first; saving (or saving a draft) does not.
function guardUnsaved(form) {
  let dirty = false;
  form.addEventListener("input", () => { dirty = true; });
  form.addEventListener("change", () => { dirty = true; });
  form.addEventListener("submit", () => { dirty = false; });
  window.addEventListener("beforeunload", (event) => {
    if (!dirty) return;
    event.preventDefault();
    event.returnValue = "";
  });
}

// Enter in a text box moves to the next field instead of submitting the form.
function enterMovesOn(form) {
  form.addEventListener("keydown", (event) => {
    const target = event.target;
    if (event.key !== "Enter" || event.isComposing || target.tagName !== "INPUT" ||
        ["submit", "checkbox", "button", "file"].includes(target.type)) return;
    event.preventDefault();
    const fields = Array.from(form.querySelectorAll("input, select, textarea, button"))
      .filter((el) => el.type !== "hidden" && !el.disabled && el.offsetParent !== null);
    const next = fields[fields.indexOf(target) + 1];
    if (next) next.focus();
  });
}

// The error summary takes the focus; its links focus the field they name.
function errorSummary() {
  const summary = document.querySelector(".error-summary");
  if (!summary) return;
  summary.focus();
  summary.addEventListener("click", (event) => {
    const link = event.target.closest("a[data-focus]");
    if (!link) return;
    const field = document.getElementById(link.dataset.focus);
    if (!field) return;
    event.preventDefault();
    field.scrollIntoView({ block: "center" });
    field.focus();
  });
}

// Narrow screens show tables as cards: each cell is labelled with its column's heading.
function labelCells() {
  document.querySelectorAll("table.list").forEach((table) => {
    const heads = Array.from(table.querySelectorAll("thead th")).map((th) => th.textContent.trim());
    table.querySelectorAll("tbody tr").forEach((tr) => {
      Array.from(tr.children).forEach((td, i) => { if (heads[i] && !td.dataset.label) td.dataset.label = heads[i]; });
    });
  });
}

// A long operation (PDF export, checking a large file) shows that it is working.
function busyForms() {
  document.querySelectorAll("form[data-busy]").forEach((f) => {
    f.addEventListener("submit", () => {
      const button = f.querySelector("button[type=submit]");
      if (button) { button.disabled = true; button.textContent = f.dataset.busy; }
      const pdf = f.querySelector('input[name="pdf"]');
      const progress = document.createElement("div");
      progress.className = "progress";
      progress.id = "progress";
      progress.setAttribute("role", "status");
      const bar = document.createElement("span");
      bar.className = "bar";
      const text = document.createElement("span");
      text.textContent = pdf && pdf.checked ? "正在生成 Word 文档并转换为 PDF，约需 5～10 秒，请勿关闭页面…" : "正在处理，请稍候…";
      progress.append(bar, text);
      const started = Date.now();
      setInterval(() => { text.dataset.seconds = String(Math.round((Date.now() - started) / 1000)); }, 1000);
      f.appendChild(progress);
    });
  });
}

document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll(".add-row").forEach((button) => {
    button.addEventListener("click", () => {
      const container = document.getElementById(button.dataset.target);
      const template = document.getElementById(button.dataset.template);
      const index = nextIndex(container);
      const html = template.innerHTML.replaceAll("__i__", String(index));
      container.insertAdjacentHTML("beforeend", html);
      const row = container.lastElementChild;
      const no = row.querySelector(".row-no");
      if (no) no.textContent = String(index + 1);
      const first = row.querySelector("input");
      if (first) first.focus();
    });
  });
  const form = document.getElementById("tender-form");
  if (form) {
    if (form.dataset.checkUrl) liveCheck(form);
    guardUnsaved(form);
    enterMovesOn(form);
    rememberPlace(form);
  }
  document.querySelectorAll("form.guard-unsaved").forEach((f) => { guardUnsaved(f); enterMovesOn(f); });
  errorSummary();
  labelCells();
  busyForms();
  document.querySelectorAll("select.autosubmit").forEach((select) => {
    select.addEventListener("change", () => select.form.submit());
  });
});
