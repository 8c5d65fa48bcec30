// Filters and sorts the model tables in place, and lets the keyboard reach boxes that scroll. The page works without this file: every filter is
// also a linked page (a country, a verdict), and the table comes in the registry's order. No inline
// script, no other host, no innerHTML.
(function () {
  "use strict";
  function apply(form) {
    var table = document.getElementById(form.getAttribute("data-table"));
    if (!table) { return; }
    var want = {};
    ["country", "verdict", "grade"].forEach(function (name) { want[name] = form.elements[name].value; });
    var shown = 0;
    Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
      var match = ["country", "verdict", "grade"].every(function (name) {
        return !want[name] || row.getAttribute("data-" + name) === want[name];
      });
      row.hidden = !match;
      if (match) { shown++; }
    });
    var output = form.querySelector("output");
    if (output) { output.textContent = shown + " / " + table.tBodies[0].rows.length; }
  }

  // A cell's sort key: its data-sort if it has one (a country's name, a verdict's rank), else its text.
  function key(row, column) {
    var cell = row.cells[column];
    var value = cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent;
    return value.trim();
  }

  function compare(type, a, b) {
    if (a === b) { return 0; }
    // Rows with nothing to sort by ("—", no grade) go last in either direction.
    if (a === "" || a === "—") { return 1; }
    if (b === "" || b === "—") { return -1; }
    if (type === "number") { return Number(a) - Number(b); }
    return a.localeCompare(b, document.documentElement.lang || "en", { numeric: true, sensitivity: "base" });
  }

  function sortBy(table, header, column) {
    var type = header.getAttribute("data-sort-type") || "text";
    // A grade reads best strongest first: its first press puts E4 on top; a second press reverses.
    var first = type === "grade" ? "descending" : "ascending";
    var way = header.getAttribute("aria-sort") === first
        ? (first === "ascending" ? "descending" : "ascending") : first;
    var sign = way === "ascending" ? 1 : -1;
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.forEach(function (row, i) { row.setAttribute("data-order", String(i)); });
    rows.sort(function (r1, r2) {
      var k1 = key(r1, column);
      var k2 = key(r2, column);
      var empty1 = k1 === "" || k1 === "—";
      var empty2 = k2 === "" || k2 === "—";
      var c = empty1 || empty2 ? compare(type, k1, k2) : compare(type, k1, k2) * sign;
      return c !== 0 ? c : Number(r1.getAttribute("data-order")) - Number(r2.getAttribute("data-order"));
    });
    rows.forEach(function (row) { body.appendChild(row); row.removeAttribute("data-order"); });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) { th.removeAttribute("aria-sort"); });
    header.setAttribute("aria-sort", way);
  }

  function makeSortable(table) {
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (header, column) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort";
      while (header.firstChild) { button.appendChild(header.firstChild); }
      header.appendChild(button);
      button.addEventListener("click", function () { sortBy(table, header, column); });
    });
    table.classList.add("sortable");
  }

  // A box that scrolls sideways (code, a wide table) must be reachable by keyboard to be scrolled.
  function focusableWhenScrolling() {
    Array.prototype.forEach.call(document.querySelectorAll("pre, .prose table, .table-wrap"), function (box) {
      if (box.scrollWidth > box.clientWidth + 1) {
        box.tabIndex = 0;
      } else {
        box.removeAttribute("tabindex");
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    focusableWhenScrolling();
    window.addEventListener("resize", focusableWhenScrolling);
    Array.prototype.forEach.call(document.querySelectorAll("table[data-sortable]"), makeSortable);
    Array.prototype.forEach.call(document.querySelectorAll("form.filter-form"), function (form) {
      form.hidden = false;
      form.addEventListener("change", function () { apply(form); });
      form.addEventListener("submit", function (event) { event.preventDefault(); apply(form); });
      apply(form);
    });
  });
})();
