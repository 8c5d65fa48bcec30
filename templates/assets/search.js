// The search page: Pagefind's index, queried in the browser; the query and filters live in the URL
// so that a search can be linked. Results are built with textContent, never innerHTML.
(function () {
  "use strict";
  var FACETS = ["country", "organisation", "programme", "base", "relation", "grade", "verdict", "year"];

  function text(html) {
    return new DOMParser().parseFromString(html || "", "text/html").body.textContent || "";
  }

  function fill(select, values, any, chosen) {
    var first = document.createElement("option");
    first.value = "";
    first.textContent = any;
    select.appendChild(first);
    Object.keys(values || {}).sort().forEach(function (value) {
      var option = document.createElement("option");
      option.value = value;
      option.textContent = value + " (" + values[value] + ")";
      select.appendChild(option);
    });
    select.value = chosen || "";
  }

  async function start() {
    var form = document.getElementById("search-form");
    if (!form) { return; }
    var noJs = document.querySelector(".search-no-js");
    var results = document.querySelector(".search-results");
    var status = document.getElementById("search-status");
    var list = document.getElementById("search-list");
    var params = new URLSearchParams(window.location.search);
    var pagefind = await import(form.getAttribute("data-pagefind"));
    await pagefind.options({ baseUrl: form.getAttribute("data-base") });
    var filters = await pagefind.filters();
    FACETS.forEach(function (name) {
      fill(form.elements[name], filters[name], form.getAttribute("data-any"), params.get(name));
    });
    form.elements.q.value = params.get("q") || "";
    if (noJs) { noJs.hidden = true; }
    form.hidden = false;
    results.hidden = false;

    async function run(updateUrl) {
      var query = form.elements.q.value.trim();
      var chosen = {};
      var next = new URLSearchParams();
      if (query) { next.set("q", query); }
      FACETS.forEach(function (name) {
        var value = form.elements[name].value;
        if (value) { chosen[name] = value; next.set(name, value); }
      });
      if (updateUrl) {
        var search = next.toString();
        history.replaceState(null, "", window.location.pathname + (search ? "?" + search : ""));
      }
      list.textContent = "";
      if (!query && Object.keys(chosen).length === 0) { status.textContent = ""; return; }
      status.textContent = form.getAttribute("data-loading");
      var found = await pagefind.search(query || null, { filters: chosen });
      var shown = found.results.slice(0, 50);
      var data = await Promise.all(shown.map(function (r) { return r.data(); }));
      data.forEach(function (d) {
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = d.url;
        link.textContent = d.meta.title || d.url;
        item.appendChild(link);
        var about = document.createElement("span");
        about.className = "result-meta";
        if (d.meta.kind === "page") {
          about.textContent = " — " + form.getAttribute("data-page-kind");
        } else {
          about.textContent = " — " + (d.meta.verdict || "") + (d.meta.grade ? " · " + d.meta.grade : "");
        }
        item.appendChild(about);
        var excerpt = document.createElement("p");
        excerpt.className = "excerpt";
        excerpt.textContent = text(d.excerpt);
        item.appendChild(excerpt);
        list.appendChild(item);
      });
      status.textContent = found.results.length === 0 ? form.getAttribute("data-none")
          : found.results.length + " " + form.getAttribute("data-count");
    }

    form.addEventListener("submit", function (event) { event.preventDefault(); run(true); });
    form.addEventListener("change", function () { run(true); });
    await run(false);
  }

  document.addEventListener("DOMContentLoaded", function () {
    start().catch(function (error) {
      var status = document.getElementById("search-status");
      if (status) { status.textContent = String(error); }
      throw error;
    });
  });
})();
