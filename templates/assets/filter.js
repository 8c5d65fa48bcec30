// Filters the model table in place. The page works without this file: every filter is also a
// linked page (a country, a verdict). No inline script, no other host, no innerHTML.
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
  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("form.filter-form"), function (form) {
      form.hidden = false;
      form.addEventListener("change", function () { apply(form); });
      form.addEventListener("submit", function (event) { event.preventDefault(); apply(form); });
      apply(form);
    });
  });
})();
