// The console's small progressive script: the pages work without it; with it, the triage table
// filters by name and sorts by a column. Loaded from this service (no inline script: the
// Content-Security-Policy allows scripts from 'self' only).
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("input[data-filter-table]").forEach((input) => {
    const table = document.getElementById(input.dataset.filterTable);
    const shown = document.getElementById("shown");
    input.addEventListener("input", () => {
      const needle = input.value.trim().toLowerCase();
      let count = 0;
      table.querySelectorAll("tbody tr[data-name]").forEach((row) => {
        const match = row.dataset.name.toLowerCase().includes(needle);
        row.hidden = !match;
        if (match) count++;
      });
      if (shown) shown.textContent = count === 1 ? "1 patient" : count + " patients";
    });
  });

  document.querySelectorAll("table thead button[data-sort]").forEach((button) => {
    button.addEventListener("click", () => {
      const table = button.closest("table");
      const key = button.dataset.sort.replace(/-([a-z])/g, (_, c) => c.toUpperCase());
      const numeric = button.hasAttribute("data-numeric");
      const ascending = button.getAttribute("aria-sort") !== "ascending";
      table.querySelectorAll("thead button[data-sort]").forEach((b) => b.removeAttribute("aria-sort"));
      button.setAttribute("aria-sort", ascending ? "ascending" : "descending");
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
