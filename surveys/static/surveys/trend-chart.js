/* IKM trend of a unit (surveys/unit_trend.html); data from json_script. */
(function () {
  var data = JSON.parse(document.getElementById("trend-data").textContent);
  var colours = ["#0d6efd", "#198754", "#fd7e14", "#6f42c1", "#d63384"];
  new Chart(document.getElementById("trend-chart"), {
    type: "line",
    data: {
      labels: data.labels,
      datasets: data.series.map(function (series, i) {
        return {
          label: series.label,
          data: series.data,
          borderColor: colours[i % colours.length],
          backgroundColor: colours[i % colours.length],
          borderWidth: i === 0 ? 3 : 1.5,
          borderDash: i === 0 ? [] : [6, 4],
          pointStyle: data.reported.map(function (r) { return r ? "triangle" : "circle"; }),
          pointRadius: 4,
          spanGaps: true
        };
      })
    },
    options: {
      animation: window.matchMedia("(prefers-reduced-motion: reduce)").matches ? false : {},
      maintainAspectRatio: false,
      scales: { y: { suggestedMin: 60, suggestedMax: 100 } },
      plugins: { legend: { position: "bottom" } }
    }
  });
})();
