/* Sosiokultural: page behaviours declared by data attributes, so that no page needs
   an inline script, an on…= handler or a style attribute (the Content-Security-
   Policy allows scripts and styles from this site's static files only).

   data-width="42"    element width 42 % (progress bars)
   data-height="340"  element height 340 px (charts sized by their data)
   data-confirm="…"   on a form: ask before submitting
   data-print         on a button: print the page
   data-select        on an input: select its text when focused (copy a secret)
   data-countdown="N" a countdown of N seconds (the server's clock) shown in
                      #<id>-text, announced at 5 and 1 minute(s) in #<id>-announce
                      (texts in data-five-minutes / data-one-minute); at 0 the
                      page goes to data-reload */
(function () {
  "use strict";
  function sizes(root) {
    root.querySelectorAll("[data-width]").forEach(function (el) {
      el.style.width = parseFloat(el.dataset.width) + "%";
    });
    root.querySelectorAll("[data-height]").forEach(function (el) {
      el.style.height = parseFloat(el.dataset.height) + "px";
    });
  }
  function countdown(timer) {
    var text = document.getElementById(timer.id + "-text");
    var announce = document.getElementById(timer.id + "-announce");
    var end = Date.now() + parseInt(timer.dataset.countdown, 10) * 1000;
    function tick() {
      var left = Math.max(0, Math.round((end - Date.now()) / 1000));
      var minutes = Math.floor(left / 60), seconds = left % 60;
      if (text) { text.textContent = minutes + ":" + (seconds < 10 ? "0" : "") + seconds; }
      if (announce && left === 300) { announce.textContent = timer.dataset.fiveMinutes; }
      if (announce && left === 60) { announce.textContent = timer.dataset.oneMinute; }
      if (left === 0) {
        if (timer.dataset.reload) { window.location.href = timer.dataset.reload; }
        return;
      }
      window.setTimeout(tick, 1000);
    }
    tick();
  }
  document.addEventListener("DOMContentLoaded", function () {
    sizes(document);
    document.querySelectorAll("[data-countdown]").forEach(countdown);
  });
  // Fragments swapped in by htmx (export progress, report panels).
  document.addEventListener("htmx:load", function (event) {
    sizes(event.detail.elt.parentNode || event.detail.elt);
  });
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.dataset && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  }, true);
  document.addEventListener("focusin", function (event) {
    if (event.target.dataset && "select" in event.target.dataset) {
      event.target.select();
    }
  });
  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("[data-print]") : null;
    if (button) { window.print(); }
  });
})();
