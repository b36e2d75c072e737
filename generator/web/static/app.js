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
  for (const [name, messages] of Object.entries(result.errors || {})) {
    if (!touched.has(name)) continue;
    const box = form.querySelector(`.field-error[data-for="${CSS.escape(name)}"]`);
    if (!box) continue;
    messages.forEach((m) => { const div = document.createElement("div"); div.textContent = m; box.appendChild(div); });
    const holder = box.closest(".field, .req-row, .ovr-row");
    if (holder) holder.classList.add("invalid");
  }
  const target = document.getElementById("target");
  if (target) target.textContent = result.target || "（请先正确填写文件编号）";
  const overwrite = document.getElementById("overwrite-label");
  if (overwrite) overwrite.classList.toggle("hidden", !result.exists);
  const general = document.getElementById("general-errors");
  if (general && !(result.general || []).length && !Object.keys(result.errors || {}).length) general.remove();
  const save = document.getElementById("save");
  if (save) save.title = Object.keys(result.errors || {}).length ? "还有未填写或填写有误的项目，保存时会一并列出" : "";
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
  form.addEventListener("input", (event) => {
    touch(event.target.name);
    const text = event.target.name && event.target.name.match(/^(requirements\.\d+\.)text$/);
    const lead = text ? event.target.value.trim().charAt(0) : "";
    if (lead === "★" || lead === "▲") {  // “★质保期…” is starred: say so in the mark column too
      const mark = form.querySelector(`select[name="${text[1]}mark"]`);
      if (mark) mark.value = lead;
    }
    schedule();
  });
  form.addEventListener("change", (event) => { touch(event.target.name); schedule(); });
  form.addEventListener("click", (event) => {
    const button = event.target.closest(".remove-row");
    if (button) { button.closest("[data-row]").remove(); schedule(); }
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
  if (form && form.dataset.checkUrl) liveCheck(form);
  document.querySelectorAll("select.autosubmit").forEach((select) => {
    select.addEventListener("change", () => select.form.submit());
  });
  document.querySelectorAll("form[data-busy]").forEach((f) => {
    f.addEventListener("submit", () => {
      const button = f.querySelector("button[type=submit]");
      if (button) { button.disabled = true; button.textContent = f.dataset.busy; }
    });
  });
});
