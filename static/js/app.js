/* Sosiokultural: page behaviours declared by data attributes, so that no page needs
   an inline script, an on…= handler or a style attribute (the Content-Security-
   Policy allows scripts and styles from this site's static files only).

   data-width="42"    element width 42 % (progress bars)
   data-height="340"  element height 340 px (charts sized by their data)
   data-confirm="…"   on a form: ask before submitting
   data-print         on a button: print the page
   data-select        on an input: select its text when focused (copy a secret)
   data-check-all="n" on a checkbox: tick or untick every checkbox named n
   data-lookup="f"    a type-ahead people picker for field f (people/lookup.py):
                      a click on a match (data-lookup-pick) puts its id into a
                      hidden input; data-lookup-remove takes a chosen one out */
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
  document.addEventListener("change", function (event) {
    var box = event.target;
    if (box.dataset && box.dataset.checkAll) {
      document.querySelectorAll('input[type="checkbox"][name="' + box.dataset.checkAll + '"]')
        .forEach(function (other) { other.checked = box.checked; });
    }
  });
  document.addEventListener("focusin", function (event) {
    if (event.target.dataset && "select" in event.target.dataset) {
      event.target.select();
    }
  });
  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("[data-print]") : null;
    if (button) { window.print(); }
  });
  function chip(lookup, id, label) {
    var span = document.createElement("span");
    span.className = "badge text-bg-secondary lookup-chip";
    var hidden = document.createElement("input");
    hidden.type = "hidden";
    hidden.name = lookup.dataset.lookup;
    hidden.value = id;
    var remove = document.createElement("button");
    remove.type = "button";
    remove.className = "btn-close btn-close-white btn-sm ms-1";
    remove.setAttribute("data-lookup-remove", "");
    remove.setAttribute("aria-label", "×");
    span.appendChild(hidden);
    span.appendChild(document.createTextNode(label));
    span.appendChild(remove);
    return span;
  }
  document.addEventListener("click", function (event) {
    if (!event.target.closest) { return; }
    var pick = event.target.closest("[data-lookup-pick]");
    var lookup = event.target.closest("[data-lookup]");
    if (pick && lookup) {
      var chosen = lookup.querySelector(".lookup-chosen");
      var id = pick.dataset.lookupPick;
      if (!("lookupMultiple" in lookup.dataset)) { chosen.innerHTML = ""; }
      if (!chosen.querySelector('input[value="' + id + '"]')) {
        chosen.appendChild(chip(lookup, id, pick.dataset.lookupLabel));
      }
      var box = lookup.querySelector("input[type=search]");
      box.value = "";
      lookup.querySelector(".lookup-results").innerHTML = "";
      box.focus();
      return;
    }
    var remove = event.target.closest("[data-lookup-remove]");
    if (remove) { remove.closest(".lookup-chip").remove(); }
  });
  // Enter in a search box picks the first match instead of submitting the form.
  document.addEventListener("keydown", function (event) {
    var lookup = event.target.closest ? event.target.closest("[data-lookup]") : null;
    if (lookup && event.key === "Enter" && event.target.type === "search") {
      event.preventDefault();
      var first = lookup.querySelector("[data-lookup-pick]");
      if (first) { first.click(); }
    }
  });
})();
