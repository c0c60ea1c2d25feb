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
                      hidden input; data-lookup-remove takes a chosen one out
   data-outbox        on a form: sent through the outbox below, so that a form
                      filled without a connection is kept on the phone and sent
                      when it is back online; its [data-client-key] input gets a
                      new random key each time the page is shown (the server
                      records one activity per key: never twice)
   data-countdown="N" a countdown of N seconds (the server's clock) shown in
                      #<id>-text, announced at 5 and 1 minute(s) in #<id>-announce
                      (texts in data-five-minutes / data-one-minute); at 0 the
                      page goes to data-reload
   data-label="…"     on a table cell: its caption when the row is a card (phone);
                      missing ones are taken from the column's header
   data-keep-table    on a table: keep rows and columns on a phone (matrices)

   The service worker (/sw.js, static/js/sw.js) is registered on every page: it
   keeps the pages and static files needed to open today's briefing offline. */
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
    document.querySelectorAll("[data-countdown]").forEach(countdown);
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
  // -- the outbox: forms filled offline, sent once back online -------------------
  var OUTBOX = "sosiokultural-outbox";
  function outboxRead() {
    try { return JSON.parse(window.localStorage.getItem(OUTBOX)) || []; }
    catch (error) { return []; }
  }
  function outboxWrite(items) {
    window.localStorage.setItem(OUTBOX, JSON.stringify(items));
  }
  function newKey() {
    if (window.crypto && window.crypto.randomUUID) { return window.crypto.randomUUID(); }
    var bytes = window.crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map.call(bytes, function (b) {
      return (b + 256).toString(16).slice(1);
    }).join("");
    return hex.slice(0, 8) + "-" + hex.slice(8, 12) + "-" + hex.slice(12, 16) + "-" +
      hex.slice(16, 20) + "-" + hex.slice(20);
  }
  function outboxStatus(text) {
    document.querySelectorAll("#outbox-status").forEach(function (box) {
      box.textContent = text || "";
      box.hidden = !text;
    });
  }
  function currentToken() {
    try { return JSON.parse(document.body.getAttribute("hx-headers"))["X-CSRFToken"]; }
    catch (error) { return ""; }
  }
  var flushing = false;
  // Send the oldest queued form. A network failure keeps it queued; any answer
  // from the server takes it out: "204 + X-Location" (saved, or saved before
  // under the same key) opens the record; any other answer (the form with a
  // message) is asked for again by an ordinary submission, so the page shows
  // what the server said (the same key: still recorded at most once).
  function outboxFlush() {
    var items = outboxRead();
    if (flushing || !items.length) { return; }
    var item = items[0];
    flushing = true;
    // The CSRF token of the page now shown (a new one after signing in again).
    var token = currentToken();
    if (token) {
      item.entries.forEach(function (pair) {
        if (pair[0] === "csrfmiddlewaretoken") { pair[1] = token; }
      });
    }
    outboxStatus(item.sendingLabel);
    window.fetch(item.action, {
      method: "POST",
      body: new URLSearchParams(item.entries),
      credentials: "same-origin",
      headers: { "X-Outbox": "1" }
    }).then(function (response) {
      flushing = false;
      outboxWrite(outboxRead().filter(function (other) { return other.key !== item.key; }));
      var location = response.headers.get("X-Location");
      if (response.status === 204 && location) {
        window.location.assign(location);
        return;
      }
      if (response.redirected) {
        // Signed out meanwhile: keep it, sign in, and it is sent from the next page.
        outboxWrite(outboxRead().concat([item]));
        window.location.assign(response.url);
        return;
      }
      var form = document.createElement("form");
      form.method = "post";
      form.action = item.action;
      form.hidden = true;
      item.entries.forEach(function (pair) {
        var input = document.createElement("input");
        input.type = "hidden";
        input.name = pair[0];
        input.value = pair[1];
        form.appendChild(input);
      });
      document.body.appendChild(form);
      form.submit();
    }).catch(function () {
      flushing = false;
      outboxStatus(item.waitingLabel);
    });
  }
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (event.defaultPrevented || !form.dataset || !("outbox" in form.dataset)) { return; }
    event.preventDefault();
    var entries = [];
    new FormData(form).forEach(function (value, name) {
      if (typeof value === "string") { entries.push([name, value]); }
    });
    var keyInput = form.querySelector("[data-client-key]");
    var items = outboxRead();
    items.push({
      action: form.action || window.location.href,
      key: keyInput ? keyInput.value : newKey(),
      entries: entries,
      waitingLabel: form.dataset.waitingLabel || "",
      sendingLabel: form.dataset.sendingLabel || ""
    });
    outboxWrite(items);
    // A second tap on the same filled form is the same briefing (same key).
    form.querySelectorAll("[type=submit]").forEach(function (b) { b.disabled = true; });
    if (navigator.onLine === false) {
      outboxStatus(items[items.length - 1].waitingLabel);
    } else {
      outboxFlush();
    }
  });
  window.addEventListener("online", outboxFlush);
  window.addEventListener("offline", function () {
    var items = outboxRead();
    if (items.length) { outboxStatus(items[0].waitingLabel); }
  });
  window.setInterval(function () { if (navigator.onLine !== false) { outboxFlush(); } }, 15000);
  // A page shown (also from the service worker's cache or the back button) is a
  // new filling: a new key. Anything still queued is sent.
  window.addEventListener("pageshow", function () {
    document.querySelectorAll("form[data-outbox] [data-client-key]").forEach(function (input) {
      input.value = newKey();
    });
    document.querySelectorAll("form[data-outbox] [type=submit]").forEach(function (b) {
      b.disabled = false;
    });
    var items = outboxRead();
    if (items.length) {
      outboxStatus(navigator.onLine === false ? items[0].waitingLabel : items[0].sendingLabel);
      if (navigator.onLine !== false) { outboxFlush(); }
    }
  });
  // Signing out: the pages the service worker kept name the unit's staff.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.action && new URL(form.action, window.location.href).pathname === "/akun/keluar/" &&
        navigator.serviceWorker && navigator.serviceWorker.controller) {
      navigator.serviceWorker.controller.postMessage("forget");
    }
  });
  if ("serviceWorker" in navigator && window.isSecureContext) {
    navigator.serviceWorker.register("/sw.js", { scope: "/" })
      .catch(function () { /* the app works without it, only not offline */ });
  }
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
