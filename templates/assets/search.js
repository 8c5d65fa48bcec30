// The search page: the index the build wrote for this language (SearchIndex.java), read in the
// browser a file at a time; the query and filters live in the URL so that a search can be linked.
// Results are built with textContent, never innerHTML.
(function () {
  "use strict";
  var FACETS = ["country", "organisation", "programme", "base", "relation", "grade", "verdict", "year"];

  // The excerpt is the whole sentence that holds the first match, without the citation markers
  // ("[3]") of the page, with every matched word marked. Built as text nodes and <mark> elements,
  // never as HTML.
  var CITATION = /\[\d+\]/g;
  var SENTENCE_END = /[.!?](?=\s|$)|[。！？]/g;
  var LONGEST = 420;
  var PAGE_OF_RESULTS = 50;

  // Words are cut exactly as the build cut the pages (SearchTokens.java): NFKC, lower case, runs of
  // letters, digits and marks; a run in Chinese, Japanese or Korean script gives its pairs of
  // neighbouring characters (or its one character), any other run is one word, matched as the start
  // of the page's words when it has KEY_LENGTH characters or more (all such words share its file).
  var WORD = /[\p{L}\p{Nd}\p{M}]/u;
  var CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u30fc]/u;
  var LONGEST_WORD = 64;
  var KEY_LENGTH = 3;

  function queryTerms(text) {
    var normal = (/^[\x00-\x7f]*$/.test(text) ? text : text.normalize("NFKC")).toLowerCase();
    var chars = Array.from(normal);
    var terms = [];
    var i = 0;
    while (i < chars.length) {
      if (!WORD.test(chars[i])) { i++; continue; }
      var cjk = CJK.test(chars[i]);
      var run = [];
      while (i < chars.length && WORD.test(chars[i]) && CJK.test(chars[i]) === cjk) {
        run.push(chars[i]);
        i++;
      }
      if (!cjk) {
        var word = run.slice(0, LONGEST_WORD).join("");
        terms.push({ word: word, prefix: run.length >= KEY_LENGTH, cjk: false, shown: word });
      } else if (run.length === 1) {
        terms.push({ word: run[0], prefix: false, cjk: true, shown: run[0] });
      } else {
        for (var k = 0; k + 1 < run.length; k++) {
          terms.push({ word: run[k] + run[k + 1], prefix: false, cjk: true, shown: run.join("") });
        }
      }
    }
    return terms;
  }

  // The file a word is kept in: FNV-1a over the UTF-16 units of its key, as SearchTokens.bucket.
  function wordFile(word, files) {
    var chars = Array.from(word);
    var key = CJK.test(chars[0]) ? chars[0] : chars.slice(0, KEY_LENGTH).join("");
    var hash = 0x811c9dc5 | 0;
    for (var i = 0; i < key.length; i++) {
      hash ^= key.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193);
    }
    return hash & (files - 1);
  }

  function escapeRegExp(s) {
    return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }

  // One pattern for every word to mark: a word of the page that begins with a matched word (not
  // inside another word), or a run of CJK text as the reader typed it.
  function markPattern(words) {
    if (words.length === 0) { return null; }
    var parts = words.slice().sort(function (a, b) { return b.text.length - a.text.length; })
      .map(function (w) {
        return w.cjk ? escapeRegExp(w.text)
          : "(?<![\\p{L}\\p{Nd}\\p{M}])" + escapeRegExp(w.text) + "[\\p{L}\\p{Nd}\\p{M}]*";
      });
    return new RegExp(parts.join("|"), "giu");
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

  function excerptFor(d, pattern) {
    var content = (d.content || "").replace(CITATION, "").replace(/\s+/g, " ").trim();
    var at = -1;
    if (pattern) {
      pattern.lastIndex = 0;
      var m = pattern.exec(content);
      if (m) { at = m.index; }
    }
    return sentenceAround(content, at >= 0 ? at : 0);
  }

  function appendMarked(into, text, pattern) {
    if (!pattern) { into.appendChild(document.createTextNode(text)); return; }
    pattern.lastIndex = 0;
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
    (values || []).forEach(function (pair) {
      var option = document.createElement("option");
      option.value = pair[0];
      option.textContent = pair[0] + " (" + pair[1] + ")";
      select.appendChild(option);
    });
    select.value = chosen || "";
  }

  // A list of pages kept as differences from the one before, as the pages.
  function undelta(differences) {
    var page = 0;
    return differences.map(function (difference) { page += difference; return page; });
  }

  // The language's index, read a file at a time as queries need them; each file is fetched once.
  function SearchIndex(base, meta) {
    var files = {};
    var version = "?v=" + encodeURIComponent(meta.fingerprint);
    function load(name) {
      if (!files[name]) {
        files[name] = fetch(base + name + version).then(function (response) {
          if (!response.ok) { throw new Error("search index: " + name + ": " + response.status); }
          return response.json();
        });
      }
      return files[name];
    }

    // The pages holding every term of the query and each chosen filter's value, best first, with
    // the page's words that matched (to mark in the excerpt).
    this.search = async function (terms, chosen) {
      var scores = null;
      var marks = [];
      for (var t = 0; t < terms.length; t++) {
        var term = terms[t];
        var words = new Map(Object.entries(await load("w/" + wordFile(term.word, meta.wordFiles) + ".json")));
        var best = new Map();
        words.forEach(function (postings, word) {
          var exact = word === term.word;
          if (!exact && !(term.prefix && word.startsWith(term.word))) { return; }
          marks.push({ text: term.cjk ? term.shown : word, cjk: term.cjk });
          var idf = Math.log(1 + meta.pages / (postings.length / 2));
          var page = 0;
          for (var i = 0; i < postings.length; i += 2) {
            page += postings[i]; // each page is kept as its difference from the one before
            var score = idf * postings[i + 1] * (exact ? 1 : 0.6);
            if (!(best.get(page) >= score)) { best.set(page, score); }
          }
        });
        if (scores === null) {
          scores = best;
        } else {
          var both = new Map();
          scores.forEach(function (score, page) {
            if (best.has(page)) { both.set(page, score + best.get(page)); }
          });
          scores = both;
        }
      }
      var names = Object.keys(chosen);
      for (var f = 0; f < names.length; f++) {
        var filter = meta.filters[names[f]];
        var index = filter ? filter.values.findIndex(function (pair) { return pair[0] === chosen[names[f]]; }) : -1;
        var pages = index < 0 ? [] : undelta(await load(filter.folder + index + ".json"));
        if (scores === null) {
          scores = new Map(pages.map(function (page) { return [page, 0]; }));
        } else {
          var kept = new Set(pages);
          scores.forEach(function (score, page) { if (!kept.has(page)) { scores.delete(page); } });
        }
      }
      var ranked = Array.from((scores || new Map()).entries()).sort(function (a, b) {
        return b[1] - a[1] || a[0] - b[0];
      }).map(function (entry) { return entry[0]; });
      return { pages: ranked, marks: marks };
    };

    // A page's address, title, meta and text.
    this.page = async function (number) {
      var file = await load("p/" + Math.floor(number / meta.pagesPerFile) + ".json");
      return file[number % meta.pagesPerFile];
    };
  }

  async function start() {
    var form = document.getElementById("search-form");
    if (!form) { return; }
    var noJs = document.querySelector(".search-no-js");
    var results = document.querySelector(".search-results");
    var status = document.getElementById("search-status");
    var list = document.getElementById("search-list");
    var more = document.getElementById("search-more");
    var params = new URLSearchParams(window.location.search);
    var base = form.getAttribute("data-index");
    var response = await fetch(base + "meta.json", { cache: "no-cache" });
    if (!response.ok) { throw new Error("search index: meta.json: " + response.status); }
    var meta = await response.json();
    var index = new SearchIndex(base, meta);
    var root = form.getAttribute("data-base");
    FACETS.forEach(function (name) {
      var filter = meta.filters[name];
      fill(form.elements[name], filter && filter.values, form.getAttribute("data-any"), params.get(name));
    });
    form.elements.q.value = params.get("q") || "";
    if (noJs) { noJs.hidden = true; }
    form.hidden = false;
    results.hidden = false;

    // A search still loading when the next begins is dropped, so a slow answer never replaces a
    // newer one.
    var latest = 0;

    async function run(updateUrl) {
      var mine = ++latest;
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
      more.hidden = true;
      more.onclick = null;
      if (!query && Object.keys(chosen).length === 0) { status.textContent = ""; return; }
      status.textContent = form.getAttribute("data-loading");
      var terms = queryTerms(query);
      var found = query && terms.length === 0 ? { pages: [], marks: [] } : await index.search(terms, chosen);
      var pattern = markPattern(found.marks);
      var drawn = 0;

      // The next results, a page of them at a time: every result stays reachable, and only the
      // results shown are downloaded.
      async function drawMore(focusFirst) {
        var batch = found.pages.slice(drawn, drawn + PAGE_OF_RESULTS);
        drawn += batch.length;
        more.hidden = true; // one click, one page of results
        var data = await Promise.all(batch.map(function (number) { return index.page(number); }));
        if (mine !== latest) { return false; }
        var first = list.children.length;
        data.forEach(draw);
        more.hidden = drawn >= found.pages.length;
        if (focusFirst && list.children[first]) {
          // The button has gone or moved on: a keyboard reader carries on from the first new result.
          list.children[first].querySelector("a").focus();
        }
        return true;
      }

      function draw(d) {
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = root + d.url;
        link.textContent = d.title || d.url;
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
        appendMarked(excerpt, excerptFor(d, pattern), pattern);
        item.appendChild(excerpt);
        list.appendChild(item);
      }

      if (!(await drawMore(false))) { return; }
      more.onclick = function () { drawMore(true); };
      status.textContent = found.pages.length === 0 ? form.getAttribute("data-none")
          : countText(form, found.pages.length);
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
