// The console's small progressive script: the pages work without it; with it, the triage table
// filters by name and by a flag, and sorts by a column. Loaded from this service (no inline
// script: the Content-Security-Policy allows scripts from 'self' only).
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  const tables = new Set();
  document.querySelectorAll("[data-filter-table]").forEach((control) => tables.add(control.dataset.filterTable));
  tables.forEach((id) => {
    const table = document.getElementById(id);
    const name = document.querySelector("input[data-filter-table='" + id + "']");
    const show = document.querySelector("select[data-filter-table='" + id + "']");
    const shown = document.getElementById("shown");
    const apply = () => {
      const needle = name ? name.value.trim().toLowerCase() : "";
      const wanted = show ? show.value : "";
      let count = 0;
      table.querySelectorAll("tbody tr[data-name]").forEach((row) => {
        const flags = (row.dataset.flags || "").split(" ");
        const kept = wanted === "" || (wanted === "attention" ? row.dataset.attention === "true" : flags.includes(wanted));
        const match = row.dataset.name.toLowerCase().includes(needle) && kept;
        row.hidden = !match;
        if (match) count++;
      });
      if (shown) shown.textContent = count === 1 ? "1 patient" : count + " patients";
    };
    if (name) name.addEventListener("input", apply);
    if (show) show.addEventListener("change", apply);
  });

  document.querySelectorAll("table thead button[data-sort]").forEach((button) => {
    button.addEventListener("click", () => {
      const table = button.closest("table");
      const header = button.closest("th");
      const key = button.dataset.sort.replace(/-([a-z])/g, (_, c) => c.toUpperCase());
      const numeric = button.hasAttribute("data-numeric");
      const ascending = header.getAttribute("aria-sort") !== "ascending";
      table.querySelectorAll("thead th[aria-sort]").forEach((th) => th.removeAttribute("aria-sort"));
      header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      const body = table.tBodies[0];
      const rows = Array.from(body.querySelectorAll("tr[data-name]"));
      rows.sort((a, b) => {
        const x = a.dataset[key], y = b.dataset[key];
        // Empty values (no data) go last either way.
        if (x === "" || y === "") return (x === "") - (y === "");
        const c = numeric ? Number(x) - Number(y) : x.localeCompare(y);
        return ascending ? c : -c;
      });
      rows.forEach((r) => body.appendChild(r));
    });
  });
});
