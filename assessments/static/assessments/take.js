/* Taking a test (assessments/take.html): autosave status and retry when back
   online; one final submission. The countdown is static/js/app.js's
   data-countdown. */
(function () {
  "use strict";
  var form = document.getElementById("test-form");
  var submitForm = document.getElementById("submit-form");
  var unsaved = new Set();
  // One final submission: the server is idempotent, the button just avoids a
  // second click. Listened to after app.js's confirm, which may cancel it.
  if (submitForm) {
    submitForm.addEventListener("submit", function (event) {
      if (!event.defaultPrevented) {
        document.getElementById("submit-button").disabled = true;
      }
    });
  }
  document.body.addEventListener("htmx:sendError", function (event) {
    var fieldset = event.detail.elt;
    if (!fieldset.dataset.item) { return; }
    unsaved.add(fieldset);
    var warning = document.createElement("span");
    warning.className = "text-danger";
    warning.textContent = form.dataset.unsavedMessage;
    document.getElementById("status-" + fieldset.dataset.item).replaceChildren(warning);
  });
  var nav = document.getElementById("question-nav");
  document.body.addEventListener("htmx:afterRequest", function (event) {
    if (!event.detail.successful) { return; }
    unsaved.delete(event.detail.elt);
    // The question's number in the navigation turns "answered".
    var number = (event.detail.elt.id || "").replace("soal-", "");
    var button = nav && nav.querySelector('[data-question="' + number + '"]');
    if (button && event.detail.xhr.responseText.indexOf("text-success") !== -1) {
      button.classList.remove("btn-outline-secondary");
      button.classList.add("btn-success");
      button.querySelector("[data-state]").textContent = " " + nav.dataset.answeredText;
    }
  });
  window.addEventListener("online", function () {
    unsaved.forEach(function (fieldset) { htmx.trigger(fieldset, "change"); });
  });
})();
