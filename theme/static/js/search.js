// The search page: runs the visitor's query and filters against this language's search index
// (search-engine.js, which fetches only the parts of the index a query needs) and lists the
// results. Index data is exhibitor text: it is only ever put into the page as text
// (textContent, createTextNode), never as HTML. Without JavaScript the form still submits and
// the page offers categories and cities to browse.
//
// Speed (issue 12: a first search under 300 ms on a 2,738-product expo, bench/search.py): the
// page preloads the index's table of contents, and each result card goes on the page as soon
// as its own data arrives, in rank order.
(function () {
  "use strict";
  var form = document.getElementById("search-form");
  if (!form) return;
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var more = document.getElementById("search-more");
  var panel = document.getElementById("search-filters");
  var FILTERS = ["kategori", "kota", "harga", "izin", "jenis", "video"];
  var PAGE = 12;  // results shown at once: their data comes in a few small page chunks
  var loading = null;
  var results = [];
  var shown = 0;
  var run = 0;  // a newer search makes older ones stop rendering
  var lang = document.documentElement.lang || "id";

  function text(name) { return form.getAttribute("data-text-" + name) || ""; }

  function load() {
    if (!loading) {
      if (!window.ExpoSearch) return Promise.reject(new Error("search-engine.js did not load"));
      var engine = new window.ExpoSearch.Engine(form.getAttribute("data-bundle"), form.getAttribute("data-index"), lang);
      loading = engine.toc().then(function () { return engine; });
      loading.catch(function () { loading = null; });  // a failed load may be tried again
    }
    return loading;
  }

  function fillForm(params) {
    form.elements.q.value = params.get("q") || "";
    ["kategori", "kota", "harga", "izin", "jenis", "urut"].forEach(function (name) {
      form.elements[name].value = params.get(name) || "";
    });
    form.elements.video.checked = params.get("video") === "ya";
    var active = FILTERS.concat(["urut"]).some(function (name) { return params.get(name); });
    if (active) panel.open = true;
  }

  function currentParams() {
    var params = new URLSearchParams();
    var q = form.elements.q.value.trim();
    if (q) params.set("q", q);
    FILTERS.concat(["urut"]).forEach(function (name) {
      var field = form.elements[name];
      var value = field.type === "checkbox" ? (field.checked ? field.value : "") : field.value;
      if (value) params.set(name, value);
    });
    return params;
  }

  function say(message) { status.textContent = message; }

  function search(params) {
    var mine = ++run;
    var filters = {};
    FILTERS.forEach(function (name) { if (params.get(name)) filters[name] = params.get(name); });
    var query = params.get("q") || null;
    list.textContent = "";
    more.hidden = true;
    if (!query && !Object.keys(filters).length) {
      say("");
      results = [];
      // Nothing to search yet: fetch the index's contents when the browser is idle; how many results
      // each filter value has in the whole expo, once the filters are open.
      (window.requestIdleCallback || setTimeout)(function () { load().catch(function () {}); });
      whenOpen(function () {
        return load().then(function (index) { return index.filters(); })
          .then(function (all) { if (mine === run) showCounts(all, totalOf(all)); });
      });
      return;
    }
    var options = { filters: filters };
    if (params.get("urut") === "murah") options.sort = { harga: "asc" };
    if (params.get("urut") === "mahal") options.sort = { harga: "desc" };
    load().then(function (index) {
      return index.search(query, options);
    }).then(function (found) {
      if (mine !== run || !found) return;
      results = found.results;
      shown = 0;
      // The count is announced once the first page of results is on the page; the filter
      // counts come after, so they never hold the results back.
      return showMore(mine).then(function () {
        if (mine !== run) return;
        say(results.length === 0 ? text("none")
          : results.length === 1 ? text("one") : text("many").replace("{n}", String(results.length)));
        whenOpen(function () { return facetCounts(query, filters, mine); });
      });
    }).catch(function () {
      if (mine === run) say(text("error"));
    });
  }

  function showMore(mine) {
    var next = results.slice(shown, shown + PAGE);
    shown += next.length;
    more.hidden = shown >= results.length;
    // Every fragment is requested at once; each card goes on the page when it and the cards
    // ranked above it have arrived, so the first result shows as soon as its own data is here.
    var pending = next.map(function (r) { return r.data(); });
    return pending.reduce(function (chain, data) {
      return chain.then(function () { return data; }).then(function (item) {
        if (mine === run) list.appendChild(card(item));
      });
    }, Promise.resolve());
  }

  // --- how many results each filter value would give ---------------------------------------

  // Counting loads every filter's chunks, which grow with the expo (8 bytes a page): only for
  // a visitor who opens the filters.
  var counting = null;  // the latest search's counts, waiting for the filters to open
  function whenOpen(count) {
    counting = count;
    if (panel.open) countNow();
  }
  function countNow() {
    var count = counting;
    counting = null;
    if (count) count().catch(function () {});
  }
  panel.addEventListener("toggle", function () { if (panel.open) countNow(); });

  // For a filter in use, its values are counted without it (what choosing another value would
  // give); the other filters' values are counted with every filter in use.
  function facetCounts(query, filters, mine) {
    var counts = {};
    var totals = {};
    function count(without) {  // without: a filter in use, or null for all of them
      var others = {};
      Object.keys(filters).forEach(function (name) { if (name !== without) others[name] = filters[name]; });
      var answer = query || Object.keys(others).length
        ? load().then(function (index) { return index.search(query, { filters: others, counts: true }); })
          .then(function (f) { return [f.filters, f.results.length]; })
        : load().then(function (index) { return index.filters(); }).then(function (all) { return [all, totalOf(all)]; });
      return answer.then(function (pair) {
        FILTERS.forEach(function (name) {
          if (without ? name === without : !filters[name]) { counts[name] = pair[0][name]; totals[name] = pair[1]; }
        });
      });
    }
    return Promise.all([count(null)].concat(Object.keys(filters).map(count))).then(function () {
      if (mine !== run) return;
      FILTERS.forEach(function (name) { label(name, counts[name] || {}, totals[name]); });
    });
  }

  // Every indexed page is a booth or a product, so those two counts add up to all pages.
  function totalOf(all) {
    var kinds = all.jenis || {};
    return Object.keys(kinds).reduce(function (sum, key) { return sum + kinds[key]; }, 0);
  }

  function showCounts(all, total) {
    FILTERS.forEach(function (name) { label(name, all[name] || {}, total); });
  }

  function number(n) { return n.toLocaleString(lang); }

  // The count is part of the option's own text ("Batik (12)"), so it is read out with it.
  function label(name, values, total) {
    var field = form.elements[name];
    if (field.type === "checkbox") {
      var count = field.parentNode.querySelector(".count");
      if (count) count.textContent = " (" + number(values[field.value] || 0) + ")";
      return;
    }
    Array.prototype.forEach.call(field.options, function (option) {
      if (!option.hasAttribute("data-label")) option.setAttribute("data-label", option.textContent);
      var n = option.value ? values[option.value] || 0 : total;
      option.textContent = option.getAttribute("data-label") + " (" + number(n) + ")";
    });
  }

  // --- one result ---------------------------------------------------------------------------

  function element(tag, className, content) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (content) node.textContent = content;
    return node;
  }

  function card(item) {
    var meta = item.meta || {};
    var root = new URL(form.getAttribute("data-root"), document.baseURI).pathname;  // the site's path
    var booth = (item.filters && item.filters.jenis || []).indexOf("booth") >= 0;
    var li = element("li", "card " + (booth ? "booth-card" : "product-card"));
    function path(url) { return root + url; }  // the index's paths are from the site's root
    var link = element("a");
    link.href = path(item.url);
    if (meta.image) {
      var picture = element("picture");
      if (meta.image_avif) {
        var source = element("source");
        source.type = "image/avif";
        source.srcset = path(meta.image_avif);
        picture.appendChild(source);
      }
      var img = element("img");
      img.src = path(meta.image);
      img.alt = "";  // the title below names the result
      img.loading = "lazy";
      img.decoding = "async";
      img.width = 400;
      img.height = 400;
      picture.appendChild(img);
      link.appendChild(picture);
    }
    // h3: the results list sits under the page's "Hasil" h2 (no skipped heading level).
    link.appendChild(element("h3", "", meta.title || item.url));
    li.appendChild(link);
    if (meta.harga) li.appendChild(element("p", "price", meta.harga));
    var where = booth ? [text("booth"), meta.kota] : [meta.booth, meta.kota];
    li.appendChild(element("p", "meta", where.filter(Boolean).join(" · ")));
    li.appendChild(excerpt(item.excerpt || []));
    return li;
  }

  // The excerpt: pieces of text, the words the query found marked (search-engine.js).
  function excerpt(pieces) {
    var p = element("p", "excerpt");
    pieces.forEach(function (piece) {
      p.appendChild(piece[1] ? element("mark", "", piece[0]) : document.createTextNode(piece[0]));
    });
    return p;
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var params = currentParams();
    var query = params.toString();
    history.replaceState(null, "", query ? "?" + query : location.pathname);
    search(params);
  });
  form.addEventListener("change", function (event) {
    if (event.target.name !== "q") form.requestSubmit ? form.requestSubmit() : form.dispatchEvent(new Event("submit"));
  });
  more.addEventListener("click", function () { showMore(run); });

  var initial = new URLSearchParams(location.search);
  fillForm(initial);
  search(initial);
  // Warm up the index while the visitor types: the first answer comes faster.
  form.elements.q.addEventListener("focus", function () { load().catch(function () {}); }, { once: true });
})();
