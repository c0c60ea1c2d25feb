/* Today's briefing (activities/briefing_quick.html): the count of people ticked
   and the name filter of the collapsed roster (one unit: filtered in the page). */
(function () {
  var form = document.getElementById("briefing-form");
  function count() {
    var boxes = form.querySelectorAll("input[name=present]");
    var ticked = form.querySelectorAll("input[name=present]:checked").length;
    var out = document.getElementById("roster-count");
    if (out && boxes.length) {
      out.textContent = form.dataset.presentLabel + ": " + ticked + " / " + boxes.length;
    }
  }
  form.addEventListener("change", count);
  form.addEventListener("input", function (event) {
    var box = event.target;
    if (!box.dataset || !box.dataset.rosterFilter) { return; }
    var needle = box.value.trim().toLowerCase();
    form.querySelectorAll("[data-roster-name]").forEach(function (row) {
      row.hidden = needle !== "" && row.dataset.rosterName.indexOf(needle) === -1;
    });
  });
  // Enter in the name filter must not submit the briefing.
  form.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && event.target.dataset && event.target.dataset.rosterFilter) {
      event.preventDefault();
    }
  });
  document.body.addEventListener("htmx:afterSwap", count);
  count();
})();
