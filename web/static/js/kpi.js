// Draw a bar chart above each KPI table from the table's own rows (no inline script: CSP).
(function () {
  "use strict";
  if (typeof window.Chart === "undefined") { return; }
  document.querySelectorAll("figure.kpi").forEach(function (figure) {
    var rows = figure.querySelectorAll("tr[data-value]");
    var canvas = figure.querySelector("canvas");
    if (!rows.length || !canvas) { return; }
    var labels = [], values = [];
    rows.forEach(function (row) {
      labels.push(row.getAttribute("data-label"));
      values.push(Number(row.getAttribute("data-value")));
    });
    canvas.hidden = false;
    new window.Chart(canvas, {
      type: "bar",
      data: { labels: labels, datasets: [{ label: canvas.getAttribute("aria-label"), data: values, backgroundColor: "#154273" }] },
      options: { animation: false, plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: Number(figure.getAttribute("data-precision") || 0) } } } }
    });
  });
})();
