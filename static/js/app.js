/* Sosiokultural: page behaviours declared by data attributes, so that no page needs
   an inline script, an on…= handler or a style attribute (the Content-Security-
   Policy allows scripts and styles from this site's static files only).

   data-width="42"    element width 42 % (progress bars)
   data-height="340"  element height 340 px (charts sized by their data)
   data-confirm="…"   on a form: ask before submitting
   data-print         on a button: print the page
   data-select        on an input: select its text when focused (copy a secret) */
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
  document.addEventListener("DOMContentLoaded", function () { sizes(document); });
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
