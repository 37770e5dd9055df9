// The patient page's charts, drawn with uPlot (served from the service's jar) from the page's own
// JSON data blocks, which hold the same numbers as the tables beside them: the tables stay the
// page's source of truth, a chart is a view of one.
//
// Everything is drawn by drawAll(), on load and again on "osteon:page-updated" (sent after the
// content of <main> was replaced): it destroys the charts it drew before and reads every number
// from the DOM as it is then, so replacing the page's content never leaves a chart of old data.
"use strict";

(() => {
  const DAY = 86400;
  let plots = [];

  const read = (id) => {
    const block = document.getElementById(id);
    return block ? JSON.parse(block.textContent) : null;
  };
  // A local date at UTC midnight: uPlot's axis then shows the patient's dates as they are.
  const toX = (date) => Date.parse(date + "T00:00:00Z") / 1000;
  const dateOf = (v) => (v == null ? "–" : new Date(v * 1000).toISOString().slice(0, 10));

  const series = (label, stroke, extra) => Object.assign({ label, stroke, width: 2, points: { show: true } }, extra);

  function draw(id, data, seriesList, axes, scales) {
    const el = document.getElementById(id);
    if (!el || typeof uPlot === "undefined") return;
    const width = () => Math.max(320, Math.min(1000, el.clientWidth || 1000));
    const plot = new uPlot(
      {
        width: width(),
        height: 240,
        tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), "Etc/UTC"),
        scales: Object.assign({ x: { time: true } }, scales || {}),
        axes: [{}].concat(axes),
        series: [{ label: "date", value: (u, v) => dateOf(v) }].concat(seriesList),
      },
      data,
      el,
    );
    el.dataset.drawn = String(data[0].length);
    plot.resizeTo = () => plot.setSize({ width: width(), height: 240 });
    plots.push(plot);
  }

  function dailyNumbers() {
    const days = read("series");
    const chart = document.getElementById("chart");
    const range = document.getElementById("patient");
    if (!days || !chart || !range) return;
    if (days.length === 0) {
      chart.hidden = true;
      return;
    }
    // Every date of the page's range; a day without data is a gap in the lines, not a line across it.
    const byDate = new Map(days.map((d) => [d.date, d]));
    const x = [];
    for (let t = toX(range.dataset.from); t <= toX(range.dataset.today); t += DAY) x.push(t);
    const column = (key) =>
      x.map((t) => {
        const d = byDate.get(dateOf(t));
        return d === undefined || d[key] === null || d[key] === undefined ? null : d[key];
      });
    draw(
      "chart",
      [x, column("steps"), column("mvpaMinutes"), column("impacts"), column("wearHours")],
      [
        series("steps", "#0b5cad", { scale: "steps" }),
        series("MVPA (min)", "#1d7a3a", { scale: "other" }),
        series("impacts", "#a4262c", { scale: "other", dash: [6, 4] }),
        series("wear (h)", "#5c4a00", { scale: "other", dash: [2, 3] }),
      ],
      [
        { scale: "steps", label: "steps", size: 60 },
        { scale: "other", side: 1, label: "minutes · impacts · hours", grid: { show: false }, size: 60 },
      ],
    );
    chart.dataset.drawn = String(days.length);
  }

  function bone() {
    const b = read("bone-series");
    if (!b) return;
    const x = b.dates.map(toX);
    draw(
      "bone-chart",
      [x, b.impacts, b.target, b.low, b.medium, b.high],
      [
        series("impacts at threshold", "#a4262c"),
        series("target", "#1b1f24", { dash: [8, 4], points: { show: false } }),
        series("low band", "#6b7480", { dash: [2, 3] }),
        series("medium band", "#0b5cad", { dash: [5, 3] }),
        series("high band", "#5c2d91"),
      ],
      [{ label: "peaks a day", size: 60 }],
    );
    // Over-cap days drawn as points on a series of their own, so that the mark is in the legend too.
    const over = b.capPeaks.map((v, i) => (b.overCap[i] ? v : null));
    draw(
      "cap-chart",
      [x, b.capPeaks, b.capMax, over],
      [
        series("peaks above cap g", "#5c4a00"),
        series("cap (max a day)", "#a4262c", { dash: [8, 4], points: { show: false } }),
        series("over cap", "#a4262c", { width: 0, points: { show: true, size: 14, fill: "#a4262c" } }),
      ],
      [{ label: "peaks a day", size: 60 }],
    );
  }

  function activity() {
    const w = read("mvpa-series");
    if (w) {
      draw(
        "mvpa-chart",
        [w.weekStarts.map(toX), w.boutedMinutes, w.target],
        [
          series("bouted MVPA (min a week)", "#1d7a3a"),
          series("weekly target", "#1b1f24", { dash: [8, 4], points: { show: false } }),
        ],
        [{ label: "minutes a week", size: 60 }],
      );
    }
    const a = read("activity-series");
    if (a) {
      draw(
        "steps-chart",
        [a.dates.map(toX), a.steps, a.stepsTarget],
        [
          series("steps", "#0b5cad"),
          series("daily target", "#1b1f24", { dash: [8, 4], points: { show: false } }),
        ],
        [{ label: "steps", size: 60 }],
      );
    }
  }

  function rhythm() {
    const r = read("rhythm-series");
    if (!r) return;
    draw(
      "rhythm-chart",
      [r.dates.map(toX), r.ra, r.is, r.iv],
      [
        series("RA", "#0b5cad", { scale: "unit" }),
        series("IS", "#1d7a3a", { scale: "unit", dash: [6, 4] }),
        series("IV", "#a4262c", { scale: "iv", dash: [2, 3] }),
      ],
      [
        { scale: "unit", label: "RA · IS (0–1)", size: 50 },
        { scale: "iv", side: 1, label: "IV (0–2)", grid: { show: false }, size: 50 },
      ],
      { unit: { auto: false, range: [0, 1] }, iv: { auto: false, range: [0, 2] } },
    );
  }

  function wear() {
    const w = read("wear-series");
    if (!w) return;
    draw(
      "wear-chart",
      [w.dates.map(toX), w.wearHours],
      [series("wear (h)", "#5c4a00")],
      [{ label: "hours", size: 50 }],
      { y: { auto: false, range: [0, 24] } },
    );
  }

  // PHQ totals by day answered; the PHQ-9's band edges (5, 10, 15, 20) as dashed lines.
  function mood() {
    const m = read("mood-series");
    const range = document.getElementById("patient");
    if (!m || m.dates.length === 0 || !range) return;
    const x = m.dates.map(toX);
    const edge = (v) => x.map(() => v);
    draw(
      "mood-chart",
      [x, m.totals, edge(5), edge(10), edge(15), edge(20)],
      [
        series("PHQ total", "#0b5cad", { scale: "phq" }),
        series("mild from", "#6b7280", { scale: "phq", dash: [4, 4], points: { show: false }, width: 1 }),
        series("moderate from", "#6b7280", { scale: "phq", dash: [4, 4], points: { show: false }, width: 1 }),
        series("moderately severe from", "#6b7280", { scale: "phq", dash: [4, 4], points: { show: false }, width: 1 }),
        series("severe from", "#6b7280", { scale: "phq", dash: [4, 4], points: { show: false }, width: 1 }),
      ],
      [{ scale: "phq", label: "PHQ total", size: 50 }],
      {
        // The page's whole range, as the other charts: a response's place in the four weeks shows.
        x: { time: true, auto: false, range: [toX(range.dataset.from), toX(range.dataset.today) + DAY] },
        phq: { auto: false, range: [0, 27] },
      },
    );
  }

  function drawAll() {
    plots.forEach((p) => p.destroy());
    plots = [];
    dailyNumbers();
    bone();
    activity();
    rhythm();
    wear();
    mood();
  }

  document.addEventListener("DOMContentLoaded", drawAll);
  document.addEventListener("osteon:page-updated", drawAll);
  window.addEventListener("resize", () => plots.forEach((p) => p.resizeTo()));
})();
