// Live updates of a console page that names an event stream (an element #live with data-events):
// on each event (a day scored, a program changed) the page's content is fetched again and put in
// place of <main>'s, then "osteon:page-updated" is dispatched so the page's charts redraw. Events
// arrive at most one a second; a burst is answered with one fetch. Without this script the page is
// the same, only not live.
"use strict";

(() => {
  let source = null;
  let pending = false;

  const status = (text) => {
    const live = document.getElementById("live");
    if (live) live.querySelector(".live-status").textContent = text;
  };

  const refresh = async () => {
    if (pending) return;
    pending = true;
    try {
      const response = await fetch(window.location.href, {
        credentials: "same-origin",
        headers: { Accept: "text/html" },
      });
      if (!response.ok) {
        // Signed out, session ended or patient no longer assigned: stop, and say so.
        source.close();
        status("Live updates stopped: reload the page.");
        return;
      }
      const page = new DOMParser().parseFromString(await response.text(), "text/html");
      const fresh = page.getElementById("main");
      const main = document.getElementById("main");
      if (!fresh || !main) return;
      main.replaceChildren(...Array.from(fresh.childNodes).map((n) => document.importNode(n, true)));
      const at = new Date().toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", second: "2-digit" });
      status("Live: updated at " + at + " (your clock).");
      document.dispatchEvent(new Event("osteon:page-updated"));
    } finally {
      pending = false;
    }
  };

  document.addEventListener("DOMContentLoaded", () => {
    const live = document.getElementById("live");
    if (!live || !live.dataset.events || typeof EventSource === "undefined") return;
    source = new EventSource(live.dataset.events);
    source.addEventListener("open", () => status("Live: this page updates itself when a day is scored."));
    source.addEventListener("day", refresh);
    source.addEventListener("program", refresh);
    source.addEventListener("error", () => {
      if (source.readyState === EventSource.CLOSED) status("Live updates stopped: reload the page.");
      else status("Live updates paused: reconnecting…");
    });
  });
})();
