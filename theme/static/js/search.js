// The search page: runs the visitor's query and filters against this language's Pagefind
// index (pagefind.js fetches only the index chunks the query needs) and lists the results.
// Index data is exhibitor text: it is only ever put into the page as text (textContent,
// createTextNode), never as HTML. Without JavaScript the form still submits and the page
// offers categories and cities to browse.
(function () {
  "use strict";
  var form = document.getElementById("search-form");
  if (!form) return;
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var more = document.getElementById("search-more");
  var FILTERS = ["kategori", "kota", "harga", "izin", "jenis", "video"];
  var PAGE = 12;  // results shown at once: each one fetches its own small fragment
  var pagefind = null;
  var results = [];
  var shown = 0;
  var run = 0;  // a newer search makes older ones stop rendering

  function text(name) { return form.getAttribute("data-text-" + name) || ""; }

  function absolute(path) { return new URL(path, document.baseURI).href; }

  function load() {
    if (pagefind) return Promise.resolve(pagefind);
    return import(absolute(form.getAttribute("data-bundle") + "pagefind.js")).then(function (module) {
      // Index URLs are relative to the site's root; Pagefind puts this in front of them.
      return module.options({ baseUrl: new URL(form.getAttribute("data-root"), document.baseURI).pathname })
        .then(function () { pagefind = module; return module; });
    });
  }

  function fillForm(params) {
    form.elements.q.value = params.get("q") || "";
    ["kategori", "kota", "harga", "izin", "jenis", "urut"].forEach(function (name) {
      form.elements[name].value = params.get(name) || "";
    });
    form.elements.video.checked = params.get("video") === "ya";
    var active = FILTERS.concat(["urut"]).some(function (name) { return params.get(name); });
    if (active) document.getElementById("search-filters").open = true;
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
    var query = params.get("q");
    list.textContent = "";
    more.hidden = true;
    if (!query && !Object.keys(filters).length) { say(""); return; }
    var options = { filters: filters };
    if (params.get("urut") === "murah") options.sort = { harga: "asc" };
    if (params.get("urut") === "mahal") options.sort = { harga: "desc" };
    load().then(function (pf) {
      return pf.search(query || null, options);
    }).then(function (found) {
      if (mine !== run || !found) return;
      results = found.results;
      shown = 0;
      // The count is announced once the first results are on the page.
      return showMore(mine).then(function () {
        if (mine !== run) return;
        say(results.length === 0 ? text("none")
          : results.length === 1 ? text("one") : text("many").replace("{n}", String(results.length)));
      });
    }).catch(function () {
      if (mine === run) say(text("error"));
    });
  }

  function showMore(mine) {
    var next = results.slice(shown, shown + PAGE);
    shown += next.length;
    more.hidden = shown >= results.length;
    return Promise.all(next.map(function (r) { return r.data(); })).then(function (items) {
      if (mine !== run) return;
      items.forEach(function (item) { list.appendChild(card(item)); });
    });
  }

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
    if (meta.image) {
      var picture = element("picture");
      if (meta.image_avif) {
        var source = element("source");
        source.type = "image/avif";
        source.srcset = root + meta.image_avif;
        picture.appendChild(source);
      }
      var img = element("img");
      img.src = root + meta.image;
      img.alt = "";  // the title below names the result
      img.loading = "lazy";
      img.decoding = "async";
      img.width = 400;
      img.height = 400;
      picture.appendChild(img);
      link.appendChild(picture);
    }
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
