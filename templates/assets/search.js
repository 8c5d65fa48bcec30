// The search page: Pagefind's index, queried in the browser; the query and filters live in the URL
// so that a search can be linked. Results are built with textContent, never innerHTML.
(function () {
  "use strict";
  var FACETS = ["country", "organisation", "programme", "base", "relation", "grade", "verdict", "year"];

  // Pagefind cuts its excerpt at a fixed number of words. A reader gets instead the whole sentence
  // that holds the first match, without the citation markers ("[3]") of the page, with every
  // matched word marked. Built as text nodes and <mark> elements, never as HTML.
  var CITATION = /\[\d+\]/g;
  var SENTENCE_END = /[.!?](?=\s|$)|[。！？]/g;
  var LONGEST = 420;

  function marked(html) {
    var body = new DOMParser().parseFromString(html || "", "text/html").body;
    return Array.prototype.map.call(body.querySelectorAll("mark"), function (m) {
      return m.textContent.trim();
    }).filter(function (t) { return t.length > 0; });
  }

  function escapeRegExp(s) {
    return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }

  function termsOf(query, excerptHtml) {
    var terms = marked(excerptHtml).concat((query || "").split(/\s+/));
    var seen = {};
    return terms.filter(function (t) {
      var key = t.toLowerCase();
      if (!t || seen[key]) { return false; }
      seen[key] = true;
      return true;
    }).sort(function (a, b) { return b.length - a.length; });
  }

  // The sentence of `content` around index `at`: from just after the previous sentence end to
  // the next one, included.
  function sentenceAround(content, at) {
    var start = 0;
    var end = content.length;
    var m;
    SENTENCE_END.lastIndex = 0;
    while ((m = SENTENCE_END.exec(content)) !== null) {
      if (m.index < at) {
        start = m.index + m[0].length;
      } else {
        end = m.index + m[0].length;
        break;
      }
    }
    var sentence = content.slice(start, end).trim();
    if (sentence.length > LONGEST) {
      // A run of text with no full stop (a table, a list): keep whole words around the match.
      var offset = Math.max(0, at - start - LONGEST / 2);
      var cut = sentence.slice(offset, offset + LONGEST);
      var first = offset > 0 ? cut.indexOf(" ") + 1 : 0;
      var last = offset + LONGEST < sentence.length ? cut.lastIndexOf(" ") : cut.length;
      sentence = (offset > 0 ? "… " : "") + cut.slice(first, last > first ? last : cut.length)
          + (offset + LONGEST < sentence.length ? " …" : "");
    }
    return sentence;
  }

  function excerptFor(d, query) {
    var content = (d.content || "").replace(CITATION, "").replace(/\s+/g, " ").trim();
    var terms = termsOf(query, d.excerpt);
    var at = -1;
    var lower = content.toLowerCase();
    terms.forEach(function (t) {
      var i = lower.indexOf(t.toLowerCase());
      if (i >= 0 && (at < 0 || i < at)) { at = i; }
    });
    var sentence = at >= 0 ? sentenceAround(content, at) : sentenceAround(content, 0);
    return { text: sentence, terms: terms };
  }

  function appendMarked(into, text, terms) {
    if (terms.length === 0) { into.appendChild(document.createTextNode(text)); return; }
    var pattern = new RegExp("(" + terms.map(escapeRegExp).join("|") + ")", "gi");
    var last = 0;
    var m;
    while ((m = pattern.exec(text)) !== null) {
      if (m[0].length === 0) { pattern.lastIndex++; continue; }
      into.appendChild(document.createTextNode(text.slice(last, m.index)));
      var mark = document.createElement("mark");
      mark.textContent = m[0];
      into.appendChild(mark);
      last = m.index + m[0].length;
    }
    into.appendChild(document.createTextNode(text.slice(last)));
  }

  function countText(form, n) {
    var lang = document.documentElement.lang || "en";
    var one = new Intl.PluralRules(lang).select(n) === "one";
    var words = form.getAttribute(one ? "data-count-one" : "data-count");
    // "{0}" places the count in the words (3件の結果, 3건); without it the count comes first.
    return words.indexOf("{0}") >= 0 ? words.replace("{0}", n) : n + " " + words;
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
        var quoted = excerptFor(d, query);
        appendMarked(excerpt, quoted.text, quoted.terms);
        item.appendChild(excerpt);
        list.appendChild(item);
      });
      status.textContent = found.results.length === 0 ? form.getAttribute("data-none")
          : countText(form, found.results.length);
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
