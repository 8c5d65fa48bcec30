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

  poll();
})();
