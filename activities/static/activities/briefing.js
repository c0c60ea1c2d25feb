/* Today's briefing (activities/briefing_quick.html): the count of people ticked. */
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
  document.body.addEventListener("htmx:afterSwap", count);
  count();
})();
