/* docbuild search client. The index is Sphinx's searchindex.js format,
   loaded with a script tag (Search.setIndex), so searching works from a
   server and from file:// alike; searchsummaries.js adds a short text per
   page (Search.setSummaries). Query words are lower-cased, stop words
   dropped and the rest stemmed with the same Porter stemmer the index was
   built with; a page must contain every word. */
(function () {
  "use strict";

  var STOPWORDS = ("a and are as at be but by for if in into is it near no not of on or " +
    "such that the their then there these they this to was will with").split(" ");

  /* Porter stemmer, the original algorithm as snowballstemmer's "porter"
     runs it (the stemmer docbuild's and Sphinx's indexes are built with):
     short words are stemmed too, and only bb dd ff gg mm nn pp rr tt are
     undoubled after -ed and -ing. */
  function stem(w) {
    if (w === "") return w;
    // Letters other than a, e, i, o, u and y count as consonants.
    var b = Array.from(w), k = b.length - 1, j = 0;
    function cons(i) {
      var c = b[i];
      if (c === "a" || c === "e" || c === "i" || c === "o" || c === "u") return false;
      if (c === "y") return i === 0 ? true : !cons(i - 1);
      return true;
    }
    function m() {
      var n = 0, i = 0;
      for (;;) { if (i > j) return n; if (!cons(i)) break; i++; }
      i++;
      for (;;) {
        for (;;) { if (i > j) return n; if (cons(i)) break; i++; }
        i++; n++;
        for (;;) { if (i > j) return n; if (!cons(i)) break; i++; }
        i++;
      }
    }
    function vowelInStem() { for (var i = 0; i <= j; i++) if (!cons(i)) return true; return false; }
    function doublec(i) { return i >= 1 && b[i] === b[i - 1] && cons(i); }
    function cvc(i) {
      if (i < 2 || !cons(i) || cons(i - 1) || !cons(i - 2)) return false;
      var c = b[i];
      return !(c === "w" || c === "x" || c === "y");
    }
    function ends(s) {
      var n = s.length;
      if (n > k + 1 || b.slice(k + 1 - n, k + 1).join("") !== s) return false;
      j = k - n;
      return true;
    }
    function setTo(s) { b = b.slice(0, j + 1).concat(Array.from(s)); k = j + s.length; }
    function r(s) { if (m() > 0) setTo(s); }
    // Step 1ab
    if (b[k] === "s") {
      if (ends("sses")) k -= 2;
      else if (ends("ies")) setTo("i");
      else if (k === 0 || b[k - 1] !== "s") k--;
    }
    if (k < 0) return "";
    if (ends("eed")) { if (m() > 0) k--; }
    else if ((ends("ed") || ends("ing")) && vowelInStem()) {
      k = j;
      if (ends("at")) setTo("ate");
      else if (ends("bl")) setTo("ble");
      else if (ends("iz")) setTo("ize");
      else if (doublec(k)) { if ("bdfgmnprt".indexOf(b[k]) >= 0) k--; }
      else { j = k; if (m() === 1 && cvc(k)) setTo("e"); }
    }
    // Step 1c
    if (ends("y") && vowelInStem()) b[k] = "i";
    // Step 2
    var rules2 = {
      a: [["ational", "ate"], ["tional", "tion"]], c: [["enci", "ence"], ["anci", "ance"]],
      e: [["izer", "ize"]], l: [["abli", "able"], ["alli", "al"], ["entli", "ent"], ["eli", "e"], ["ousli", "ous"]],
      o: [["ization", "ize"], ["ation", "ate"], ["ator", "ate"]],
      s: [["alism", "al"], ["iveness", "ive"], ["fulness", "ful"], ["ousness", "ous"]],
      t: [["aliti", "al"], ["iviti", "ive"], ["biliti", "ble"]]
    };
    var i, list = k >= 1 ? rules2[b[k - 1]] || [] : [];
    for (i = 0; i < list.length; i++) if (ends(list[i][0])) { r(list[i][1]); break; }
    // Step 3
    var rules3 = {
      e: [["icate", "ic"], ["ative", ""], ["alize", "al"]], i: [["iciti", "ic"]],
      l: [["ical", "ic"], ["ful", ""]], s: [["ness", ""]]
    };
    list = rules3[b[k]] || [];
    for (i = 0; i < list.length; i++) if (ends(list[i][0])) { r(list[i][1]); break; }
    // Step 4
    var rules4 = {
      a: ["al"], c: ["ance", "ence"], e: ["er"], i: ["ic"], l: ["able", "ible"],
      n: ["ant", "ement", "ment", "ent"], o: ["ion", "ou"], s: ["ism"], t: ["ate", "iti"],
      u: ["ous"], v: ["ive"], z: ["ize"]
    };
    list = k >= 1 ? rules4[b[k - 1]] || [] : [];
    for (i = 0; i < list.length; i++) {
      if (ends(list[i])) {
        if (list[i] === "ion" && !(j >= 0 && (b[j] === "s" || b[j] === "t"))) continue;
        if (m() > 1) k = j;
        break;
      }
    }
    // Step 5
    j = k;
    if (b[k] === "e") { var a = m(); if (a > 1 || (a === 1 && !cvc(k - 1))) k--; }
    if (b[k] === "l" && doublec(k) && m() > 1) k--;
    return b.slice(0, k + 1).join("");
  }

  function splitQuery(q) {
    return q.split(/[^\p{L}\p{N}_]+/u).filter(function (w) { return w !== ""; });
  }

  function options() {
    return window.DOCUMENTATION_OPTIONS || {};
  }

  function english() {
    var lang = options().SEARCH_LANGUAGE || options().LANGUAGE || "en";
    return lang === "en" || lang.indexOf("en_") === 0 || lang.indexOf("en-") === 0;
  }

  /* docURL is the link to a document (and anchor) from the search page:
     the site's root (URL_ROOT: the search page is in a folder of its own
     in dirhtml) and the builder's page name. */
  function docURL(docname, anchor) {
    var o = options();
    var root = o.URL_ROOT || "";
    if (root === "./") root = "";
    anchor = anchor || "";
    if (o.BUILDER === "singlehtml") {
      return root + (o.ROOT_DOC || "index") + ".html" + (anchor || "#document-" + docname);
    }
    if (o.BUILDER === "dirhtml") {
      if (docname === "index") return (root || "./") + anchor;
      if (/\/index$/.test(docname)) return root + docname.slice(0, -5) + anchor;
      return root + docname + "/" + anchor;
    }
    return root + docname + (o.LINK_SUFFIX || o.FILE_SUFFIX || ".html") + anchor;
  }

  function plainText(html) {
    if (html.indexOf("<") < 0 && html.indexOf("&") < 0) return html;
    var doc = new DOMParser().parseFromString(html, "text/html");
    return doc.body.textContent || "";
  }

  var stemCache = new Map();

  /* stemsOf returns the stems of the words of a title, remembered. */
  function stemsOf(text) {
    var c = stemCache.get(text);
    if (c) return c;
    var en = english();
    c = splitQuery(text).map(function (w) {
      var lower = w.toLowerCase();
      return en ? stem(lower) : lower;
    });
    stemCache.set(text, c);
    return c;
  }

  var hasOwn = Object.prototype.hasOwnProperty;

  /* lookup returns the documents of a term in a terms object (words such
     as "constructor" must not find Object's properties). */
  function lookup(terms, t) {
    if (!hasOwn.call(terms, t)) return [];
    var v = terms[t];
    return typeof v === "number" ? [v] : v;
  }

  /* search runs a query against the index and returns results, best
     first: {docIndex, anchor, title, score}. */
  function search(index, query) {
    var words = splitQuery(query);
    var en = english();
    var terms = [], raw = [];
    words.forEach(function (w) {
      var lower = w.toLowerCase();
      if (en && STOPWORDS.indexOf(lower) >= 0) return;
      raw.push(lower);
      var s = en ? stem(lower) : lower;
      if (terms.indexOf(s) < 0) terms.push(s);
    });
    if (terms.length === 0) return [];
    var scores = {};     // doc index -> score
    var matched = {};    // doc index -> number of terms matched
    terms.forEach(function (t) {
      var best = {};
      function note(docs, score) {
        docs.forEach(function (d) { if (!best[d] || best[d] < score) best[d] = score; });
      }
      note(lookup(index.titleterms, t), 15);
      note(lookup(index.terms, t), 5);
      if (t.length > 2) {
        Object.keys(index.titleterms).forEach(function (k) {
          if (k !== t && k.indexOf(t) >= 0) note(lookup(index.titleterms, k), 7);
        });
        Object.keys(index.terms).forEach(function (k) {
          if (k !== t && k.indexOf(t) >= 0) note(lookup(index.terms, k), 2);
        });
      }
      Object.keys(best).forEach(function (d) {
        scores[d] = (scores[d] || 0) + best[d];
        matched[d] = (matched[d] || 0) + 1;
      });
    });
    var results = [];
    Object.keys(scores).forEach(function (d) {
      if (matched[d] === terms.length) {
        // Pages whose own title holds query words come first.
        var titleStems = stemsOf(plainText(index.titles[d]));
        var bonus = 0;
        terms.forEach(function (t) { if (titleStems.indexOf(t) >= 0) bonus += 2; });
        results.push({ docIndex: +d, anchor: "", title: index.titles[d], score: scores[d] + bonus });
      }
    });
    // Section titles and index entries that hold every query word (by
    // stem, or as the start of a word).
    var phrase = raw.join(" ");
    function allIn(text) {
      var stems = stemsOf(text);
      return terms.every(function (t) {
        return stems.some(function (s) { return s === t || (t.length > 2 && s.indexOf(t) === 0); });
      });
    }
    Object.keys(index.alltitles || {}).forEach(function (title) {
      if (!allIn(title)) return;
      var score = title.toLowerCase() === phrase ? 40 : 20;
      index.alltitles[title].forEach(function (hit) {
        var d = hit[0], id = hit[1];
        if (plainText(index.titles[d]) === title) {
          // The page's own title: boost the page rather than add a hit.
          results.forEach(function (r) { if (r.docIndex === d && r.anchor === "") r.score += score; });
          if (!results.some(function (r) { return r.docIndex === d && r.anchor === ""; })) {
            results.push({ docIndex: d, anchor: "", title: index.titles[d], score: score });
          }
          return;
        }
        // A matching section beats its page, which matches through it.
        var page = 0;
        results.forEach(function (r) { if (r.docIndex === d && r.anchor === "" && r.score > page) page = r.score; });
        results.push({ docIndex: d, anchor: id ? "#" + id : "", title: title, score: Math.max(score, page + 1), section: true });
      });
    });
    Object.keys(index.indexentries || {}).forEach(function (entry) {
      if (!allIn(entry)) return;
      var score = entry === phrase ? 30 : 12;
      index.indexentries[entry].forEach(function (hit) {
        results.push({ docIndex: hit[0], anchor: hit[1] ? "#" + hit[1] : "", title: entry, score: score, entry: true });
      });
    });
    objectSearch(index, raw, query).forEach(function (r) { results.push(r); });
    // One result per place, the best scored.
    var best = new Map();
    results.forEach(function (r) {
      var key = r.docIndex + r.anchor;
      var old = best.get(key);
      if (!old || r.score > old.score) best.set(key, r);
    });
    results = Array.from(best.values());
    results.sort(function (a, b) {
      if (b.score !== a.score) return b.score - a.score;
      var ta = plainText(a.title), tb = plainText(b.title);
      return ta < tb ? -1 : ta > tb ? 1 : 0;
    });
    return results;
  }

  var objCache = { index: null, list: null, titles: null };

  /* objectList flattens the index's objects once: each with its full
     name, lower-cased, and its name's components. */
  function objectList(index) {
    if (objCache.index === index) return objCache.list;
    var list = [];
    var objects = index.objects || {};
    Object.keys(objects).forEach(function (prefix) {
      objects[prefix].forEach(function (o) {
        var full = prefix ? prefix + "." + o[4] : o[4];
        var lower = full.toLowerCase();
        list.push({ doc: o[0], type: o[1], prio: o[2], anchor: o[3], name: o[4], prefix: prefix,
          full: full, lower: lower, parts: lower.split(".") });
      });
    });
    objCache = { index: index, list: list, titles: index.titles.map(plainText) };
    return list;
  }

  /* objectSearch finds described objects (functions, classes, modules,
     macros...): a dotted query names one ("os.path.join", or its end
     "path.join"); otherwise a word must start one of the parts of an
     object's name, the other words appearing in its name, type or page
     title. Scores follow Sphinx's Scorer: name matches, then priority. */
  function objectSearch(index, words, query) {
    var out = [];
    var list = objectList(index);
    var objnames = index.objnames || {};
    var prios = { 0: 15, 1: 5, 2: -5 };
    var q = query.trim().toLowerCase();
    var dotted = /[.:]/.test(q) && !/\s/.test(q) ? q : "";
    list.forEach(function (o) {
      var score = -1;
      if (dotted) {
        if (o.lower === dotted) score = 50;
        else if (o.lower.endsWith("." + dotted)) score = 40;
      }
      if (score < 0) {
        var last = o.parts[o.parts.length - 1];
        words.forEach(function (term) {
          if (!o.parts.some(function (p) { return p.indexOf(term) === 0; })) return;
          var others = words.filter(function (w) { return w !== term; });
          if (others.length > 0) {
            var objname = (objnames[o.type] || [])[2] || "";
            var haystack = (o.lower + " " + objname + " " + objCache.titles[o.doc]).toLowerCase();
            if (!others.every(function (w) { return haystack.indexOf(w) >= 0; })) return;
          }
          var s = last === term ? 20 : (last.indexOf(term) === 0 ? 6 : 0);
          if (s > score) score = s;
        });
      }
      if (score < 0) return;
      score += prios[o.prio] || 0;
      var anchor = o.anchor;
      if (anchor === "") anchor = o.full;
      else if (anchor === "-") anchor = ((objnames[o.type] || [])[1] || "") + "-" + o.full;
      out.push({ docIndex: o.doc, anchor: "#" + anchor, title: o.full, score: score,
        object: (objnames[o.type] || [])[2] || "" });
    });
    return out;
  }

  /* highlight appends text to el with the query words marked. */
  function highlight(el, text, words) {
    if (words.length === 0) { el.textContent = text; return; }
    var escaped = words.map(function (w) { return w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); });
    var re = new RegExp("\\b(" + escaped.join("|") + ")", "gi");
    var last = 0, m;
    while ((m = re.exec(text)) !== null) {
      if (m.index > last) el.appendChild(document.createTextNode(text.slice(last, m.index)));
      var mark = document.createElement("mark");
      mark.textContent = m[0];
      el.appendChild(mark);
      last = m.index + m[0].length;
      if (m[0].length === 0) re.lastIndex++;
    }
    if (last < text.length) el.appendChild(document.createTextNode(text.slice(last)));
  }

  var state = { index: null, summaries: null };

  function render() {
    var list = document.getElementById("search-results");
    var summary = document.getElementById("search-summary");
    var input = document.getElementById("search-input");
    if (!list || !input) return;
    var query = input.value.trim();
    list.textContent = "";
    if (query === "") { summary.textContent = ""; return; }
    if (!state.index) { summary.textContent = "Loading the search index…"; return; }
    var results = search(state.index, query);
    var words = splitQuery(query).filter(function (w) { return STOPWORDS.indexOf(w.toLowerCase()) < 0; });
    results.slice(0, 100).forEach(function (r) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = docURL(state.index.docnames[r.docIndex], r.anchor);
      a.textContent = plainText(r.title);
      li.appendChild(a);
      if (r.section || r.entry || r.object) {
        var path = document.createElement("span");
        path.className = "docpath";
        path.textContent = " — " + (r.object ? r.object + ", in " : "") + plainText(state.index.titles[r.docIndex]);
        li.appendChild(path);
      }
      var text = state.summaries && state.summaries[r.docIndex];
      if (text) {
        var p = document.createElement("p");
        p.className = "context";
        highlight(p, text, words);
        li.appendChild(p);
      }
      list.appendChild(li);
    });
    if (results.length === 0) {
      summary.textContent = "No pages match “" + query + "”. Check the spelling, or try fewer words.";
    } else {
      summary.textContent = "Found " + results.length + (results.length === 1 ? " result" : " results") +
        " for “" + query + "”" + (results.length > 100 ? ", showing the first 100." : ".");
    }
  }

  window.Search = {
    setIndex: function (index) { state.index = index; if (document.readyState !== "loading") render(); },
    setSummaries: function (s) { state.summaries = s; if (document.readyState !== "loading") render(); },
    /* query and stem are exposed for tests and for other scripts. */
    query: function (q) { return state.index ? search(state.index, q) : []; },
    stem: stem
  };

  document.addEventListener("DOMContentLoaded", function () {
    var input = document.getElementById("search-input");
    if (!input) return;
    var params = new URLSearchParams(window.location.search);
    var q = params.get("q") || "";
    input.value = q;
    var header = document.querySelector(".searchbox input[name=q]");
    if (header) header.value = q;
    var timer = null;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        try {
          var url = new URL(window.location.href);
          url.searchParams.set("q", input.value);
          window.history.replaceState(null, "", url.toString());
        } catch (e) { /* some browsers refuse replaceState on file:// */ }
        render();
      }, 120);
    });
    render();
    if (q === "") input.focus();
  });
})();
