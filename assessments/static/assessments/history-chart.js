/* Levels per round (assessments/employee_report.html); data from json_script. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("history-data").textContent);
  new Chart(document.getElementById("history-chart"), {
    type: "bar",
    data: {
      labels: data.labels,
      datasets: data.rounds.map(function (round) { return { label: round.label, data: round.levels }; })
    },
    options: { scales: { y: { min: 0, max: 5, ticks: { stepSize: 1 } } } }
  });
})();
