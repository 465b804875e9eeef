// The search page: runs the visitor's query and filters against this language's Pagefind
// index (pagefind.js fetches only the index chunks the query needs) and lists the results.
// Index data is exhibitor text: it is only ever put into the page as text (textContent,
// createTextNode), never as HTML. Without JavaScript the form still submits and the page
// offers categories and cities to browse.
//
// Speed (issue 12: a first search under 300 ms on a 2,738-product expo, bench/search.py):
// the page preloads what Pagefind fetches first (its entry under the tag in data-index) and
// this script, run first, starts it on the main thread (no worker to fetch and start first);
// each result card goes on the page as soon as its own fragment arrives, in rank order.
(function () {
  "use strict";
  var form = document.getElementById("search-form");
  if (!form) return;
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var more = document.getElementById("search-more");
  var panel = document.getElementById("search-filters");
  var FILTERS = ["kategori", "kota", "harga", "izin", "jenis", "video"];
  var PAGE = 12;  // results shown at once: each one fetches its own small fragment
  var loading = null;
  var pagefind = null;
  var results = [];
  var shown = 0;
  var run = 0;  // a newer search makes older ones stop rendering
  var lang = document.documentElement.lang || "id";

  function text(name) { return form.getAttribute("data-text-" + name) || ""; }

  function absolute(path) { return new URL(path, document.baseURI).href; }

  function load() {
    if (loading) return loading;
    var bundles = [form.getAttribute("data-bundle")].concat((form.getAttribute("data-shards") || "").split(" ").filter(Boolean));
    var tags = (form.getAttribute("data-index") || "").split(" ");
    function options(i) {
      return {
        // Index URLs are relative to the site's root; Pagefind puts this in front of them.
        baseUrl: new URL(form.getAttribute("data-root"), document.baseURI).pathname,
        metaCacheTag: tags[i] || undefined,  // as preloaded (else ?ts=<now>)
        // A large expo's index is in shards: each one's results can be asked for apart (byPrice)
        mergeFilter: bundles.length > 1 ? { bagian: String(i) } : undefined
      };
    }
    loading = import(absolute(bundles[0] + "pagefind.js")).then(function (module) {
      // One Pagefind and one wasm for every shard: the others, merged into the first, fetch
      // only their entry, metadata and chunks. Started now, not at the first search.
      var first = module.createInstance(Object.assign(options(0), {
        basePath: absolute(bundles[0]),
        noWorker: true  // a search takes milliseconds here; a worker costs a fetch and a start-up first
      }));
      bundles.slice(1).forEach(function (bundle, i) {
        first.mergeIndex(absolute(bundle), options(i + 1)).catch(function () {});  // its searches fail
      });
      pagefind = bundles.length === 1 ? first : sharded(first, bundles.length);
      return pagefind;
    });
    loading.catch(function () { loading = null; });  // a failed load may be tried again
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
      // Nothing to search yet: warm Pagefind up when the browser is idle; how many results
      // each filter value has in the whole expo, once the filters are open.
      (window.requestIdleCallback || setTimeout)(function () { load().catch(function () {}); });
      whenOpen(function () {
        return load().then(function (pf) { return pf.filters(); })
          .then(function (all) { if (mine === run) showCounts(all, totalOf(all)); });
      });
      return;
    }
    var options = { filters: filters };
    if (params.get("urut") === "murah") options.sort = { harga: "asc" };
    if (params.get("urut") === "mahal") options.sort = { harga: "desc" };
    load().then(function (pf) {
      return pf.search(query, options);
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
  // give); the other filters' values are counted with every filter in use. Pagefind counts a
  // filter's values only once that filter's chunk is loaded, and a search loads only the chunks
  // it filters by: filters() loads them all (once), then the counting searches run.
  function facetCounts(query, filters, mine) {
    var counts = {};
    var totals = {};
    function count(without) {  // without: a filter in use, or null for all of them
      var others = {};
      Object.keys(filters).forEach(function (name) { if (name !== without) others[name] = filters[name]; });
      var answer = query || Object.keys(others).length
        ? pagefind.search(query, { filters: others }).then(function (f) { return [f.filters, f.results.length]; })
        : pagefind.filters().then(function (all) { return [all, totalOf(all)]; });
      return answer.then(function (pair) {
        FILTERS.forEach(function (name) {
          if (without ? name === without : !filters[name]) { counts[name] = pair[0][name]; totals[name] = pair[1]; }
        });
      });
    }
    return pagefind.filters().then(function () {
      return Promise.all([count(null)].concat(Object.keys(filters).map(count)));
    }).then(function () {
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
    var root = form.getAttribute("data-root");
    var booth = (item.filters && item.filters.jenis || []).indexOf("booth") >= 0;
    var li = element("li", "card " + (booth ? "booth-card" : "product-card"));
    var link = element("a");
    link.href = item.url;
    // A photo's path is one word of hex in the index (search.py opaque_path): not searchable.
    function path(word) { return root + decodeURIComponent(word.slice(2).replace(/../g, "%$&")); }
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
    li.appendChild(excerpt(item.excerpt || ""));
    return li;
  }

  // Pagefind's excerpt is HTML (escaped text with <mark> around matched words): parse it in an
  // inert document and copy only its text and its <mark>s, so no markup of the index runs.
  function excerpt(html) {
    var p = element("p", "excerpt");
    var parsed = new DOMParser().parseFromString("<p>" + html + "</p>", "text/html").body;
    Array.prototype.forEach.call(parsed.firstChild ? parsed.firstChild.childNodes : [], function (node) {
      if (node.nodeName === "MARK") p.appendChild(element("mark", "", node.textContent));
      else p.appendChild(document.createTextNode(node.textContent));
    });
    return p;
  }

  // --- a large expo's index in shards (search.py), merged into one Pagefind ------------------
  // By relevance Pagefind merges them itself (by score). By price a score is a place within one
  // shard, so each shard's own list is asked for (its filter 'bagian', set by mergeFilter) and
  // the lists are merged by the price of their next result.
  function sharded(pf, count) {
    return {
      filters: function () { return pf.filters(); },
      search: function (term, options) {
        if (!options.sort) return pf.search(term, options);
        var each = [];
        for (var i = 0; i < count; i++) {
          each.push(pf.search(term, { sort: options.sort,
            filters: Object.assign({}, options.filters, { bagian: String(i) }) }));
        }
        return Promise.all(each).then(function (found) {
          return {
            results: byPrice(found.map(function (f) { return f.results; }), options.sort.harga === "desc"),
            filters: added(found.map(function (f) { return f.filters; }))
          };
        });
      }
    };
  }

  function added(counts) {
    var total = {};
    counts.forEach(function (filters) {
      Object.keys(filters).forEach(function (name) {
        var into = total[name] = total[name] || {};
        Object.keys(filters[name]).forEach(function (v) { into[v] = (into[v] || 0) + filters[name][v]; });
      });
    });
    return total;
  }

  // The first amount of the price text: "Rp40.000 – Rp60.000" sorts at 40000, as its sort key.
  function priceOf(item) {
    var amount = (item.meta.harga || "").match(/\d[\d.,]*/);
    return amount ? +amount[0].replace(/\D/g, "") : 0;
  }

  function byPrice(lists, descending) {
    var next = lists.map(function () { return 0; });
    var data = new Map();
    var placed = [];  // the merged results' data, in order
    var chain = Promise.resolve();
    function place() {
      return Promise.all(lists.map(function (list, i) {
        var r = list[next[i]];
        if (r && !data.has(r)) data.set(r, r.data());
        return r ? data.get(r).then(function (item) { return [i, item]; }) : null;
      })).then(function (heads) {
        var best = heads.filter(Boolean).reduce(function (a, b) {
          var d = priceOf(b[1]) - priceOf(a[1]);
          return (descending ? d > 0 : d < 0) ? b : a;
        });
        next[best[0]]++;
        return best[1];
      });
    }
    var total = lists.reduce(function (n, list) { return n + list.length; }, 0);
    var slots = [];
    for (var n = 0; n < total; n++) slots.push({ data: function (at) {
      while (placed.length <= at) placed.push(chain = chain.then(place));
      return placed[at];
    }.bind(null, n) });
    return slots;
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
