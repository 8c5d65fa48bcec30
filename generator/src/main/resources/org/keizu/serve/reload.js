// keizu serve's live reload, added by the preview server to every HTML page it sends (never to
// the files on disk). It asks the server for the build number, waiting until it differs from the
// one the page was served with, and reloads the page when it does.
(function () {
  "use strict";
  var script = document.currentScript;
  var served = script ? script.getAttribute("data-build") : null;

  function poll() {
    fetch("/__keizu/build?after=" + encodeURIComponent(served || ""), { cache: "no-store" })
      .then(function (response) {
        if (!response.ok) { throw new Error(String(response.status)); }
        return response.text();
      })
      .then(function (build) {
        if (served !== null && build.trim() !== served) {
          window.location.reload();
        } else {
          served = build.trim();
          poll();
        }
      })
      .catch(function () {
        // The preview stopped or restarts: try again a little later.
        window.setTimeout(poll, 1000);
      });
  }

  // The preview builds no search index (Pagefind needs Node.js), so the search page says so
  // instead of asking for JavaScript it has, and loses its form: the site's search script would
  // otherwise import the missing index and fill the console with errors. Both scripts are
  // deferred, so this runs after search.js has loaded and before the DOMContentLoaded on which it
  // looks for the form.
  var noSearch = document.querySelector(".search-no-js p");
  var searchForm = document.getElementById("search-form");
  if (noSearch && searchForm) {
    noSearch.textContent = "Search is not available in the preview: keizu serve builds no "
        + "search index (Pagefind needs Node.js; keizu build makes one). Browse the registry instead:";
    searchForm.remove();
  }

  poll();
})();
