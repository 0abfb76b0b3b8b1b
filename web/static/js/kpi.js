// Draw a bar chart above each KPI table from the table's own rows (no inline script: CSP).
// A figure with data-second-label also draws each row's data-second value beside it.
(function () {
  "use strict";
  if (typeof window.Chart === "undefined") { return; }
  document.querySelectorAll("figure.kpi").forEach(function (figure) {
    var rows = figure.querySelectorAll("tr[data-value]");
    var canvas = figure.querySelector("canvas");
    if (!rows.length || !canvas) { return; }
    var labels = [], values = [], second = [];
    rows.forEach(function (row) {
      labels.push(row.getAttribute("data-label"));
      values.push(Number(row.getAttribute("data-value")));
      second.push(Number(row.getAttribute("data-second")));
    });
    var datasets = [{ label: canvas.getAttribute("aria-label"), data: values, backgroundColor: "#154273" }];
    var secondLabel = figure.getAttribute("data-second-label");
    if (secondLabel) {
      datasets.unshift({ label: secondLabel, data: second, backgroundColor: "#8fcae7" });
    }
    canvas.hidden = false;
    new window.Chart(canvas, {
      type: "bar",
      data: { labels: labels, datasets: datasets },
      options: { animation: false, plugins: { legend: { display: Boolean(secondLabel) } }, scales: { y: { beginAtZero: true, ticks: { precision: Number(figure.getAttribute("data-precision") || 0) } } } }
    });
  });
})();
