// The expo's search engine, in the visitor's browser: reads the static index the build writes
// (expo/site/search_index.py) and answers the search page (search.js). A query's words become
// terms by the same rules as the index's (expo/site/search_words.py; a test compares both);
// each word is found as written, by its stem, or as the start of a longer word; every word
// must match (AND); pages score by their words' weights (title words weigh more) and how rare
// the words are. A first search fetches the language's table of contents (preloaded by the
// page), one term chunk per word and the page chunks of the first results; filters and prices
// are fetched only when a visitor filters, sorts or opens the filters. No HTML from the index
// ever reaches the page: an excerpt is a list of text pieces.
(function (root) {
  "use strict";

  // --- words (expo/site/search_words.py) ----------------------------------------------------
  var MAX_WORD = 40;
  var VOWELS = "aeiou";
  var NONE = 0, MEDI = 1, BERPER = 2, KEPE = 3;
  var FIRST_PREFIXES = [
    ["meng", "", "", MEDI], ["meny", "s", null, MEDI], ["men", "t", "", MEDI],
    ["mem", "p", "", MEDI], ["me", "", "", MEDI],
    ["peng", "", "", KEPE], ["peny", "s", null, KEPE], ["pen", "t", "", KEPE],
    ["pem", "p", "", KEPE],
    ["di", "", "", MEDI], ["ter", "", "", MEDI], ["ke", "", "", KEPE]
  ];
  var SUFFIXES = {};
  SUFFIXES[NONE] = ["an"];
  SUFFIXES[MEDI] = ["kan", "an", "i"];
  SUFFIXES[BERPER] = ["kan", "an"];
  SUFFIXES[KEPE] = ["an"];
  var PLAIN = /^[a-z]+$/;

  function fold(text) {
    return String(text).normalize("NFKD").replace(/\p{Mn}/gu, "").toLowerCase();
  }

  function cut(word) {  // MAX_WORD characters, not UTF-16 units (as Python counts)
    return word.length <= MAX_WORD ? word : Array.from(word).slice(0, MAX_WORD).join("");
  }

  function words(text) {
    return (fold(text).match(/[\p{L}\p{N}]+/gu) || []).map(cut);
  }

  function vowels(word) {
    var n = 0;
    for (var i = 0; i < word.length; i++) if (VOWELS.indexOf(word[i]) >= 0) n++;
    return n;
  }

  function isVowel(letter) { return VOWELS.indexOf(letter) >= 0; }

  function firstPrefix(word) {
    for (var i = 0; i < FIRST_PREFIXES.length; i++) {
      var p = FIRST_PREFIXES[i];
      if (word.indexOf(p[0]) === 0 && word.length > p[0].length) {
        var becomes = isVowel(word[p[0].length]) ? p[1] : p[2];
        if (becomes !== null) return [becomes + word.slice(p[0].length), p[3]];
      }
    }
    return [word, NONE];
  }

  function secondPrefix(word) {
    if (word.indexOf("ber") === 0 || word.indexOf("per") === 0) return [word.slice(3), BERPER];
    if (word.indexOf("be") === 0 && word.length > 4 && !isVowel(word[2]) && word.slice(3, 5) === "er") {
      return [word.slice(2), BERPER];
    }
    if (word.indexOf("pe") === 0) return [word.slice(2), BERPER];
    return [word, NONE];
  }

  function endsWith(word, end) { return word.length >= end.length && word.slice(-end.length) === end; }

  function suffix(word, kind) {
    var list = SUFFIXES[kind];
    for (var i = 0; i < list.length; i++) {
      var s = list[i];
      if (endsWith(word, s) && (s !== "i" || (VOWELS + "s").indexOf(word[word.length - 2]) < 0)) {
        return word.slice(0, -s.length);
      }
    }
    return word;
  }

  function stemId(word) {
    if (!PLAIN.test(word)) return word;
    var n = vowels(word);
    if (n > 2 && endsWith(word, "nya")) { word = word.slice(0, -3); n--; }
    if (n <= 2) return word;
    var first = firstPrefix(word);
    if (first[1] !== NONE) {
      word = first[0];
      n--;
      var steps = [function (w) { return suffix(w, first[1]); }, function (w) { return secondPrefix(w)[0]; }];
      for (var i = 0; i < steps.length && n > 2; i++) {
        var shorter = steps[i](word);
        if (shorter !== word) { word = shorter; n--; }
      }
      return word;
    }
    var second = secondPrefix(word);
    if (second[0] !== word) { word = second[0]; n--; }
    if (n > 2) word = suffix(word, second[1]);
    return word;
  }

  function stemEn(word) {
    if (!PLAIN.test(word) || word.length <= 3) return word;
    if (endsWith(word, "ies")) return word.slice(0, -3) + "i";
    if (endsWith(word, "ie")) return word.slice(0, -1);
    if (endsWith(word, "y") && !isVowel(word[word.length - 2])) return word.slice(0, -1) + "i";
    if (["sses", "shes", "ches", "xes", "zes"].some(function (e) { return endsWith(word, e); })) return word.slice(0, -2);
    if (endsWith(word, "s") && !["ss", "us", "is"].some(function (e) { return endsWith(word, e); })) return word.slice(0, -1);
    return word;
  }

  var STEMMERS = { id: stemId, en: stemEn };

  function terms(text, lang) {
    var stem = STEMMERS[lang] || function (w) { return w; };
    return words(text).map(function (w) { return [w, stem(w)]; });
  }

  // --- the index ----------------------------------------------------------------------------
  var PREFIX_FROM = 3;  // a word this long also finds longer words it starts
  var PREFIX_CHUNKS = 3;  // term chunks read for one prefix, at most
  var PREFIX_FACTOR = 0.5;  // a longer word counts half as much as the word itself
  var EXCERPT_WORDS = 24;
  var MAX_QUERY_WORDS = 12;  // a pasted paragraph fetches a few chunks, not the whole index

  function ungap(gaps) {  // [3, 2, 4] -> 3, 5, 9
    var out = new Uint32Array(gaps.length);
    var at = 0;
    for (var i = 0; i < gaps.length; i++) out[i] = (at += gaps[i]);
    return out;
  }

  // `base`: the index folder's address, ending in '/'; `contents`: this language's table of
  // contents' file name; `lang`: the language (its stemmer).
  function Engine(base, contents, lang) {
    this.base = base;
    this.contents = contents;
    this.lang = lang;
    this.files = {};
    this.lists = {};  // a filter's values, each with its pages (Uint32Array)
  }

  Engine.prototype.fetch = function (name) {
    var files = this.files;
    if (!files[name]) {
      files[name] = fetch(this.base + name).then(function (response) {
        if (!response.ok) throw new Error("search index: " + name + " " + response.status);
        return response.json();
      });
      files[name].catch(function () { delete files[name]; });  // tried again next time
    }
    return files[name];
  };

  Engine.prototype.toc = function () { return this.fetch(this.contents); };

  // The chunks that may hold `term` (and, for a prefix, the words it starts).
  function chunksFor(toc, term, prefix) {
    var list = toc.terms;
    var lo = 0, hi = list.length - 1, at = 0;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (list[mid][0] <= term) { at = mid; lo = mid + 1; } else hi = mid - 1;
    }
    var found = [at];
    if (prefix) {
      var end = term + "\uffff";
      for (var i = at + 1; i < list.length && list[i][0] < end && found.length < PREFIX_CHUNKS; i++) found.push(i);
    }
    return found.map(function (i) { return "t/" + list[i][1] + ".json"; });
  }

  // Each page one query word finds, with its score (Map page -> score).
  Engine.prototype.matches = function (toc, pair) {
    var word = pair[0], stem = pair[1];
    var prefix = Array.from(word).length >= PREFIX_FROM;
    var names = chunksFor(toc, stem, false).concat(chunksFor(toc, word, prefix));
    names = names.filter(function (n, i) { return names.indexOf(n) === i; });
    var self = this;
    return Promise.all(names.map(function (n) { return self.fetch(n); })).then(function (chunks) {
      var scores = new Map();
      var seen = {};
      chunks.forEach(function (chunk) {
        Object.keys(chunk).forEach(function (term) {
          if (seen[term]) return;
          var factor = term === word || term === stem ? 1 : prefix && term.indexOf(word) === 0 ? PREFIX_FACTOR : 0;
          if (!factor) return;
          seen[term] = true;
          var entry = chunk[term];
          var rarity = Math.log(1 + toc.pages / (entry.length / 2));
          for (var i = 0, page = 0; i < entry.length; i += 2) {
            page += entry[i];
            var score = entry[i + 1] * rarity * factor;
            if (!(scores.get(page) >= score)) scores.set(page, score);
          }
        });
      });
      return scores;
    });
  };

  Engine.prototype.filterList = function (toc, name) {
    var self = this;
    if (!toc.filters[name]) return Promise.resolve({});
    return this.fetch("f/" + toc.filters[name] + ".json").then(function (values) {
      if (!self.lists[name]) {
        var lists = {};
        Object.keys(values).forEach(function (v) { lists[v] = ungap(values[v]); });
        self.lists[name] = lists;
      }
      return self.lists[name];
    });
  };

  function allCounts(engine, toc, mask) {
    return Promise.all(Object.keys(toc.filters).map(function (name) {
      return engine.filterList(toc, name).then(function (lists) {
        var counts = {};
        Object.keys(lists).forEach(function (value) {
          var pages = lists[value];
          var n = 0;
          if (!mask) n = pages.length;
          else for (var i = 0; i < pages.length; i++) n += mask[pages[i]];
          counts[value] = n;
        });
        return [name, counts];
      });
    })).then(function (pairs) {
      var out = {};
      pairs.forEach(function (pair) { out[pair[0]] = pair[1]; });
      return out;
    });
  }

  // How many pages each filter value has in the whole index: {name: {value: count}}.
  Engine.prototype.filters = function () {
    var self = this;
    return this.toc().then(function (toc) { return allCounts(self, toc, null); });
  };

  // options: {filters: {name: value}, sort: {harga: "asc" | "desc"}, counts: true (each filter
  // value's count among the results, in `filters`)}. Answers {results: [{id, score, data()}]}.
  Engine.prototype.search = function (query, options) {
    var self = this;
    options = options || {};
    var wanted = options.filters || {};
    var queryTerms = query ? terms(query, this.lang) : [];
    var unique = queryTerms.filter(function (p, i) {
      return queryTerms.findIndex(function (q) { return q[0] === p[0]; }) === i;
    }).slice(0, MAX_QUERY_WORDS);
    return this.toc().then(function (toc) {
      return Promise.all([
        Promise.all(unique.map(function (pair) { return self.matches(toc, pair); })),
        Promise.all(Object.keys(wanted).map(function (name) {
          return self.filterList(toc, name).then(function (lists) { return lists[wanted[name]] || new Uint32Array(0); });
        })),
        options.sort && options.sort.harga ? self.fetch("p/" + toc.prices + ".json") : null
      ]).then(function (parts) {
        var found = combine(toc, parts[0], parts[1], query ? unique.length : -1);
        order(found, parts[2], options.sort && options.sort.harga);
        var answer = { results: found.map(function (r) {
          return { id: r.page, score: r.score, data: function () { return self.page(toc, r.page, unique); } };
        }) };
        if (!options.counts) return answer;
        var mask = new Uint8Array(toc.pages);
        found.forEach(function (r) { mask[r.page] = 1; });
        return allCounts(self, toc, mask).then(function (counts) { answer.filters = counts; return answer; });
      });
    });
  };

  // The pages every query word found and every filter allows. `words`: -1 without a query
  // (every page, by the filters alone); 0 for a query without a word: nothing.
  function combine(toc, matched, allowed, words) {
    if (words === 0) return [];
    var keep = null;
    if (allowed.length) {
      keep = new Uint8Array(toc.pages);
      allowed.forEach(function (pages, n) {
        for (var i = 0; i < pages.length; i++) if (keep[pages[i]] === n) keep[pages[i]] = n + 1;
      });
    }
    var need = allowed.length;
    var found = [];
    if (words < 0) {
      for (var page = 0; page < toc.pages; page++) {
        if (!keep || keep[page] === need) found.push({ page: page, score: 0 });
      }
      return found;
    }
    var smallest = matched.reduce(function (a, b) { return a.size <= b.size ? a : b; });
    smallest.forEach(function (_score, page) {
      if (keep && keep[page] !== need) return;
      var total = 0;
      for (var i = 0; i < matched.length; i++) {
        var score = matched[i].get(page);
        if (score === undefined) return;
        total += score;
      }
      found.push({ page: page, score: total });
    });
    return found;
  }

  function order(found, prices, direction) {
    if (prices) {
      var sign = direction === "desc" ? -1 : 1;
      found.sort(function (a, b) {
        var pa = prices[a.page], pb = prices[b.page];
        if (pa == null || pb == null) {
          if (pa != null) return -1;  // pages without a price after those with one
          if (pb != null) return 1;
        } else if (pa !== pb) return sign * (pa - pb);
        return b.score - a.score || a.page - b.page;
      });
    } else {
      found.sort(function (a, b) { return b.score - a.score || a.page - b.page; });
    }
  }

  // What a result shows: {url, meta: {title, ...}, filters: {jenis}, excerpt: [[text, marked]]}.
  Engine.prototype.page = function (toc, id, queryTerms) {
    var size = toc.chunk;
    var lang = this.lang;
    return this.fetch("d/" + toc.docs[Math.floor(id / size)] + ".json").then(function (chunk) {
      var record = chunk[id % size];
      return { url: record.u, meta: Object.assign({}, record.m, { title: record.t }),
               filters: { jenis: record.j }, excerpt: excerpt(record.c, queryTerms, lang) };
    });
  };

  // The text around the first word the query found, the found words marked.
  function excerpt(text, queryTerms, lang) {
    var stem = STEMMERS[lang] || function (w) { return w; };
    var spans = [];
    var re = /[\p{L}\p{N}]+/gu;
    var m;
    while ((m = re.exec(text)) !== null) {
      var w = cut(fold(m[0]));
      var hit = queryTerms.some(function (p) {
        return w === p[0] || stem(w) === p[1] || (Array.from(p[0]).length >= PREFIX_FROM && w.indexOf(p[0]) === 0);
      });
      spans.push([m.index, m.index + m[0].length, hit]);
    }
    var first = spans.findIndex(function (s) { return s[2]; });
    var from = Math.max(0, first - 6);
    var to = Math.min(spans.length, from + EXCERPT_WORDS);
    if (!spans.length) return [[text, false]];
    var pieces = [];
    var at = from === 0 ? 0 : spans[from][0];
    if (from > 0) pieces.push(["… ", false]);
    for (var i = from; i < to; i++) {
      if (!spans[i][2]) continue;
      if (spans[i][0] > at) pieces.push([text.slice(at, spans[i][0]), false]);
      pieces.push([text.slice(spans[i][0], spans[i][1]), true]);
      at = spans[i][1];
    }
    var end = to === spans.length ? text.length : spans[to - 1][1];
    if (end > at) pieces.push([text.slice(at, end), false]);
    if (end < text.length) pieces.push([" …", false]);
    return pieces;
  }

  var api = { words: words, terms: terms, stemId: stemId, stemEn: stemEn, Engine: Engine, excerpt: excerpt };
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  else root.ExpoSearch = api;
})(this);
