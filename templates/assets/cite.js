// Fills the reader's day into the citations where the access date placeholder stands, and adds a
// copy button to each. Without this file the citations keep the placeholder and the download links
// give the files as published. No inline script, no other host, no innerHTML.
(function () {
  "use strict";
  function pad(n) { return (n < 10 ? "0" : "") + n; }

  // The reader's own day, in each format's way of writing a date.
  function today() {
    var d = new Date();
    var y = d.getFullYear(), m = d.getMonth() + 1, day = d.getDate();
    var months = ["January", "February", "March", "April", "May", "June", "July", "August",
      "September", "October", "November", "December"];
    return {
      long: months[m - 1] + " " + day + ", " + y,
      iso: y + "-" + pad(m) + "-" + pad(day),
      ris: y + "/" + pad(m) + "/" + pad(day),
      parts: [y, m, day]
    };
  }

  function fill(format, text, placeholder, day) {
    if (format === "csl-json") {
      try {
        var items = JSON.parse(text);
        items.forEach(function (item) { item.accessed = { "date-parts": [day.parts] }; });
        return JSON.stringify(items, null, 2) + "\n";
      } catch (e) {
        return text;
      }
    }
    var value = format === "apa" || format === "chicago" ? day.long
      : format === "ris" ? day.ris : day.iso;
    return text.split(placeholder).join(value);
  }

  function copy(pre, button, done) {
    var text = pre.textContent;
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(function () { button.textContent = done; });
      return;
    }
    var range = document.createRange();
    range.selectNodeContents(pre);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    if (document.execCommand("copy")) { button.textContent = done; }
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-accessed]"), function (box) {
    var placeholder = box.getAttribute("data-accessed");
    var day = today();
    Array.prototype.forEach.call(box.querySelectorAll("pre[data-format]"), function (pre) {
      var format = pre.getAttribute("data-format");
      pre.textContent = fill(format, pre.textContent, placeholder, day);
      var label = box.getAttribute("data-copy");
      var button = document.createElement("button");
      button.type = "button";
      button.className = "copy";
      button.textContent = label;
      button.addEventListener("click", function () {
        button.textContent = label;
        copy(pre, button, box.getAttribute("data-copied"));
      });
      pre.parentNode.insertBefore(button, pre.nextSibling);
      // The download gives what the page shows, today's date included.
      var link = box.querySelector("a[data-format=\"" + format + "\"]");
      if (link && window.Blob && window.URL && URL.createObjectURL) {
        link.addEventListener("click", function () {
          link.href = URL.createObjectURL(new Blob([pre.textContent], { type: "text/plain" }));
        });
      }
    });
  });
})();
