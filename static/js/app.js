/* Sosiokultural: page behaviours declared by data attributes, so that no page needs
   an inline script, an on…= handler or a style attribute (the Content-Security-
   Policy allows scripts and styles from this site's static files only).

   data-width="42"    element width 42 % (progress bars)
   data-height="340"  element height 340 px (charts sized by their data)
   data-confirm="…"   on a form: ask before submitting
   data-print         on a button: print the page
   data-select        on an input: select its text when focused (copy a secret)
   data-label="…"     on a table cell: its caption when the row is a card (phone);
                      missing ones are taken from the column's header
   data-keep-table    on a table: keep rows and columns on a phone (matrices) */
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
  // A list table becomes a stack of cards on a phone (static/css/app.css): each
  // cell shows its column's header as a caption. Matrices (bordered tables, or
  // data-keep-table) keep their grid and scroll inside their box.
  function cards(root) {
    root.querySelectorAll("table.table").forEach(function (table) {
      if (table.classList.contains("table-bordered") || "keepTable" in table.dataset) {
        return;
      }
      var head = table.tHead && table.tHead.rows[table.tHead.rows.length - 1];
      if (!head) { return; }
      var labels = [];
      Array.prototype.forEach.call(head.cells, function (cell) {
        for (var i = 0; i < (cell.colSpan || 1); i++) {
          labels.push(cell.textContent.replace(/\s+/g, " ").trim());
        }
      });
      Array.prototype.forEach.call(table.tBodies, function (body) {
        Array.prototype.forEach.call(body.rows, function (row) {
          var column = 0;
          Array.prototype.forEach.call(row.cells, function (cell) {
            if (!cell.hasAttribute("data-label")) {
              cell.setAttribute("data-label", cell.colSpan > 1 ? "" : labels[column] || "");
            }
            column += cell.colSpan || 1;
          });
        });
      });
      table.classList.add("table-cards");
    });
    // A box that still scrolls sideways (a matrix) is reachable by keyboard.
    root.querySelectorAll(".table-responsive").forEach(function (box) {
      if (box.scrollWidth > box.clientWidth && !box.hasAttribute("tabindex")) {
        box.setAttribute("tabindex", "0");
      }
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    sizes(document);
    cards(document);
  });
  // Fragments swapped in by htmx (export progress, report panels).
  document.addEventListener("htmx:load", function (event) {
    var root = event.detail.elt.parentNode || event.detail.elt;
    sizes(root);
    cards(root);
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
