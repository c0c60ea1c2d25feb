/* Taking a test (assessments/take.html): autosave status, retry when back online,
   the countdown. */
(function () {
  "use strict";
  var form = document.getElementById("test-form");
  var button = document.getElementById("submit-button");
  var unsaved = new Set();
  // One final submission: the server is idempotent, the button just avoids a second click.
  form.addEventListener("submit", function () { button.disabled = true; });
  document.body.addEventListener("htmx:sendError", function (event) {
    var fieldset = event.detail.elt;
    if (!fieldset.dataset.item) { return; }
    unsaved.add(fieldset);
    var warning = document.createElement("span");
    warning.className = "text-danger";
    warning.textContent = form.dataset.unsavedMessage;
    document.getElementById("status-" + fieldset.dataset.item).replaceChildren(warning);
  });
  document.body.addEventListener("htmx:afterRequest", function (event) {
    if (event.detail.successful) { unsaved.delete(event.detail.elt); }
  });
  window.addEventListener("online", function () {
    unsaved.forEach(function (fieldset) { htmx.trigger(fieldset, "change"); });
  });
  var timer = document.getElementById("timer");
  var text = document.getElementById("timer-text");
  var announce = document.getElementById("timer-announce");
  var end = Date.now() + parseInt(timer.dataset.remaining, 10) * 1000;
  function tick() {
    var left = Math.max(0, Math.round((end - Date.now()) / 1000));
    var minutes = Math.floor(left / 60), seconds = left % 60;
    text.textContent = minutes + ":" + (seconds < 10 ? "0" : "") + seconds;
    if (left === 300) { announce.textContent = timer.dataset.fiveMinutes; }
    if (left === 60) { announce.textContent = timer.dataset.oneMinute; }
    if (left === 0) { window.location.href = timer.dataset.reload; return; }
    window.setTimeout(tick, 1000);
  }
  tick();
})();
