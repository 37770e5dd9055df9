// The patient page's chart: the daily numbers from the page's own data block (#series, JSON,
// the same numbers as the table below it) drawn with uPlot, which the service serves from its jar.
// The table stays the page's source of truth; the chart is a view of it.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  const block = document.getElementById("series");
  const chart = document.getElementById("chart");
  if (!block || !chart || typeof uPlot === "undefined") return;
  const days = JSON.parse(block.textContent);
  if (days.length === 0) {
    chart.hidden = true;
    return;
  }
  // Every date of the page's range, each local date at UTC midnight (uPlot's axis then shows the
  // patient's dates as they are); a day without data is a gap in the lines, not a line across it.
  const range = document.getElementById("patient").dataset;
  const byDate = new Map(days.map((d) => [d.date, d]));
  const x = [];
  for (let t = Date.parse(range.from + "T00:00:00Z"); t <= Date.parse(range.today + "T00:00:00Z"); t += 86400000) {
    x.push(t / 1000);
  }
  const column = (key) =>
    x.map((t) => {
      const d = byDate.get(new Date(t * 1000).toISOString().slice(0, 10));
      return d === undefined || d[key] === null || d[key] === undefined ? null : d[key];
    });
  const data = [x, column("steps"), column("mvpaMinutes"), column("impacts"), column("wearHours")];
  const width = () => Math.max(320, chart.clientWidth);
  const plot = new uPlot(
    {
      title: "Daily numbers",
      width: width(),
      height: 300,
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), "Etc/UTC"),
      scales: { x: { time: true }, steps: { auto: true }, other: { auto: true } },
      axes: [
        {},
        { scale: "steps", label: "steps", size: 60 },
        { scale: "other", side: 1, label: "minutes · impacts · hours", grid: { show: false }, size: 60 },
      ],
      series: [
        { label: "date", value: (u, v) => (v == null ? "–" : new Date(v * 1000).toISOString().slice(0, 10)) },
        { label: "steps", scale: "steps", stroke: "#0b5cad", width: 2, points: { show: true } },
        { label: "MVPA (min)", scale: "other", stroke: "#1d7a3a", width: 2, points: { show: true } },
        { label: "impacts", scale: "other", stroke: "#a4262c", width: 2, dash: [6, 4], points: { show: true } },
        { label: "wear (h)", scale: "other", stroke: "#5c4a00", width: 2, dash: [2, 3], points: { show: true } },
      ],
    },
    data,
    chart,
  );
  chart.dataset.drawn = String(days.length);
  window.addEventListener("resize", () => plot.setSize({ width: width(), height: 300 }));
});
