/* Charts of the reports. Data comes from <script type="application/json"> blocks
   written by Django's json_script; every chart has a text table beside it. */
(function () {
  "use strict";
  function data(id) {
    var node = document.getElementById(id);
    return node ? JSON.parse(node.textContent) : null;
  }
  // Radar labels are long ("Kepekaan Disabilitas"): broken into lines of a few
  // words so that none is cut at the canvas edge on a phone.
  function wrap(label, width) {
    var lines = [];
    String(label).split(" ").forEach(function (word) {
      var last = lines.length - 1;
      if (last >= 0 && (lines[last] + " " + word).length <= width) {
        lines[last] += " " + word;
      } else {
        lines.push(word);
      }
    });
    return lines;
  }
  function radar() {
    var canvas = document.getElementById("radar-chart");
    var values = data("radar-data");
    if (!canvas || !values || typeof Chart === "undefined") return;
    new Chart(canvas, {
      type: "radar",
      data: {
        labels: values.labels.map(function (label) {
          return wrap(label, canvas.clientWidth < 480 ? 10 : 18);
        }),
        datasets: [
          {
            label: canvas.dataset.requiredLabel,
            data: values.required,
            borderColor: "#dc3545",
            backgroundColor: "rgba(220, 53, 69, 0.08)",
            borderDash: [6, 4],
            pointStyle: "rectRot",
          },
          {
            label: canvas.dataset.levelLabel,
            data: values.level,
            borderColor: "#0d6efd",
            backgroundColor: "rgba(13, 110, 253, 0.2)",
            spanGaps: false,
          },
        ],
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        layout: { padding: 4 },
        scales: {
          r: {
            min: 0,
            max: 5,
            ticks: { stepSize: 1 },
            pointLabels: { font: { size: canvas.clientWidth < 480 ? 11 : 12 } },
          },
        },
        plugins: { legend: { position: "bottom" } },
      },
    });
  }
  function distribution() {
    var canvas = document.getElementById("distribution-chart");
    var values = data("distribution-data");
    if (!canvas || !values || typeof Chart === "undefined") return;
    var palette = ["#dc3545", "#fd7e14", "#ffc107", "#20c997", "#198754", "#adb5bd"];
    new Chart(canvas, {
      type: "bar",
      data: {
        labels: values.labels,
        datasets: values.series.map(function (series, i) {
          return { label: series.label, data: series.data, backgroundColor: palette[i] };
        }),
      },
      options: {
        animation: false,
        indexAxis: "y",
        maintainAspectRatio: false,
        scales: { x: { stacked: true }, y: { stacked: true } },
        plugins: { legend: { position: "bottom" } },
      },
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    radar();
    distribution();
  });
})();
