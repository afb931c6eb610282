// The search page on Pagefind's JS API (pagefind/pagefind.js).
//
// Everything Pagefind returns comes from the editors' files: titles,
// excerpts, filter names and values. This script writes all of it with
// textContent and DOM nodes, never as HTML; the excerpt's highlights are
// <mark> elements made here from Pagefind's word positions, not Pagefind's
// own excerpt markup. Result links must stay on this site.
//
// The form is a plain GET form (suche/?q=…): the script answers the query
// in the address on load, searches while typing, and keeps the address up
// to date, so results can be linked and the back button works.
(function () {
  "use strict";

  var form = document.querySelector("form[data-search]");
  if (!form) return;
  var input = form.querySelector("input[name=q]");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var more = document.getElementById("search-more");
  var filterBox = document.getElementById("search-filters");
  var hint = document.getElementById("search-hint");

  var PAGE = 10; // results shown at once
  var EXCERPT = 30; // words in an excerpt
  var WORDS = /[^\S\uFEFF]+/g; // how Pagefind splits its content into words

  var strings = {};
  try {
    strings = JSON.parse(document.getElementById("search-strings").textContent) || {};
  } catch (e) {
    strings = {};
  }
  function say(key, count, term) {
    var s = strings[key] || "";
    return s.replace("[COUNT]", String(count)).replace("[SEARCH_TERM]", term);
  }

  // data-root is the way back to the site root, e.g. "../".
  var rootUrl = new URL(form.getAttribute("data-root") || "./", window.location.href);
  var base = rootUrl.pathname;

  var pagefind = null;
  var filterNames = [];
  var selected = {}; // filter name -> array of chosen values
  var results = [];
  var shown = 0;
  var current = 0; // bumped by every search, so stale answers are dropped

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  /** A result URL if it stays on this site, else null. */
  function safeUrl(raw) {
    try {
      var u = new URL(String(raw), rootUrl);
      if (u.origin !== window.location.origin) return null;
      if (u.protocol !== "http:" && u.protocol !== "https:") return null;
      if (u.pathname.indexOf(base) !== 0) return null;
      return u.href;
    } catch (e) {
      return null;
    }
  }

  /** The densest window of `length` words around the weighted locations. */
  function region(weighted, from, to, length) {
    if (to - from <= length) return from;
    var score = [];
    for (var i = 0; i < weighted.length; i++) {
      var w = weighted[i];
      if (w.location < from || w.location >= to) continue;
      score[w.location - from] = (score[w.location - from] || 0) + (w.balanced_score || w.weight || 1);
    }
    var best = 0;
    var bestAt = 0;
    var sum = 0;
    for (var j = 0; j < to - from; j++) {
      sum += score[j] || 0;
      if (j >= length) sum -= score[j - length] || 0;
      if (j >= length - 1 && sum > best) {
        best = sum;
        bestAt = j - length + 1;
      }
    }
    // Start a few words before the window's first hit, for some context.
    var first = bestAt;
    while (first < bestAt + length && !score[first]) first++;
    return from + Math.max(0, Math.min(first - 3, to - from - length));
  }

  /** An excerpt as DOM: words as text, the found words in <mark>. */
  function excerpt(words, weighted, locations, from, to, length) {
    var p = el("p", "search-excerpt");
    var start = region(weighted, from, to, length);
    var end = Math.min(to, start + length);
    var hits = {};
    for (var i = 0; i < locations.length; i++) hits[locations[i]] = true;
    var text = start > from ? "… " : "";
    for (var k = start; k < end; k++) {
      var word = words[k];
      if (word === undefined || word === "") continue;
      if (hits[k]) {
        if (text) p.appendChild(document.createTextNode(text));
        text = "";
        p.appendChild(el("mark", "", word));
        text = " ";
      } else {
        text += word + " ";
      }
    }
    text = text.replace(/ $/, "") + (end < to ? " …" : "");
    if (text) p.appendChild(document.createTextNode(text));
    return p;
  }

  function renderResult(data) {
    var url = safeUrl(data.url);
    var title = (data.meta && data.meta.title) || url || "";
    var li = el("li", "search-result");
    var kinds = (data.filters && data.filters.typ) || [];
    if (kinds.length) li.appendChild(el("p", "search-kind", kinds.join(", ")));
    var h = el("h2", "search-title");
    if (url) {
      var a = el("a", "search-link", title);
      a.href = url;
      h.appendChild(a);
    } else {
      h.textContent = title;
    }
    li.appendChild(h);
    var words = String(data.content || "").split(WORDS);
    li.appendChild(excerpt(words, data.weighted_locations || [], data.locations || [], 0, words.length, EXCERPT));
    // Sections of the page (headings with an id) that hold the words.
    var subs = (data.sub_results || []).filter(function (s) {
      return s.anchor && s.locations && s.locations.length && safeUrl(s.url);
    });
    if (subs.length) {
      var anchors = (data.anchors || []).map(function (x) {
        return x.location;
      });
      var ul = el("ul", "search-subs");
      ul.setAttribute("aria-label", (strings.sections || "") + ": " + title);
      subs.slice(0, 3).forEach(function (s) {
        var from = s.anchor.location || 0;
        var next = anchors.filter(function (x) {
          return x > from;
        });
        var to = next.length ? Math.min.apply(null, next) : words.length;
        var item = el("li");
        var link = el("a", "search-sub-link", s.title || title);
        link.href = safeUrl(s.url);
        item.appendChild(link);
        item.appendChild(excerpt(words, s.weighted_locations || [], s.locations, from, to, 16));
        ul.appendChild(item);
      });
      li.appendChild(ul);
    }
    return li;
  }

  function showMore(token) {
    var next = results.slice(shown, shown + PAGE);
    shown += next.length;
    more.hidden = shown >= results.length;
    return Promise.all(
      next.map(function (r) {
        return r.data();
      })
    ).then(function (all) {
      if (token !== current) return;
      all.forEach(function (d) {
        list.appendChild(renderResult(d));
      });
    });
  }

  function chosenFilters() {
    var out = {};
    var any = false;
    filterNames.forEach(function (name) {
      if (selected[name] && selected[name].length) {
        out[name] = { any: selected[name].slice() };
        any = true;
      }
    });
    return any ? out : null;
  }

  /** Keeps the address in step with the form: ?q=…&kommune=…. */
  function remember(term) {
    var params = new URLSearchParams();
    if (term) params.set("q", term);
    filterNames.forEach(function (name) {
      (selected[name] || []).forEach(function (v) {
        params.append(name, v);
      });
    });
    var query = params.toString();
    var url = window.location.pathname + (query ? "?" + query : "");
    if (url !== window.location.pathname + window.location.search) {
      window.history.replaceState(null, "", url);
    }
  }

  function updateCounts(counts) {
    var boxes = filterBox.querySelectorAll("input[type=checkbox]");
    for (var i = 0; i < boxes.length; i++) {
      var b = boxes[i];
      var n = counts && counts[b.name] ? counts[b.name][b.value] || 0 : null;
      var c = b.parentNode.querySelector(".search-filter-count");
      if (c && n !== null) c.textContent = " (" + n + ")";
    }
  }

  function search() {
    var term = input.value.trim();
    var filters = chosenFilters();
    var token = ++current;
    remember(term);
    if (!term && !filters) {
      list.textContent = "";
      status.textContent = "";
      more.hidden = true;
      updateCounts(null);
      return Promise.resolve();
    }
    return pagefind
      .search(term || null, filters ? { filters: filters } : {})
      .then(function (found) {
        if (token !== current || !found) return;
        results = found.results || [];
        shown = 0;
        list.textContent = "";
        var n = results.length;
        var key = term
          ? n === 0 ? "zero_results" : n === 1 ? "one_result" : "many_results"
          : n === 0 ? "filtered_zero" : n === 1 ? "filtered_one" : "filtered_many";
        status.textContent = say(key, n, term);
        updateCounts(found.filters);
        return showMore(token);
      })
      .catch(function () {
        if (token === current) status.textContent = strings.error_search || "";
      });
  }

  /** One fieldset of checkboxes per filter, names and values as text. */
  function buildFilters(all, fromUrl) {
    filterNames = Object.keys(all || {}).sort();
    if (!filterNames.length) return;
    var labels = strings.filters || {};
    var details = el("details", "search-filter-panel");
    details.appendChild(el("summary", "", strings.filters_label || ""));
    filterNames.forEach(function (name, gi) {
      var values = Object.keys(all[name]).sort(function (a, b) {
        return a.localeCompare(b, document.documentElement.lang || "de");
      });
      if (!values.length) return;
      selected[name] = fromUrl.getAll(name).filter(function (v) {
        return values.indexOf(v) >= 0;
      });
      var fs = el("fieldset", "search-filter");
      fs.appendChild(el("legend", "", labels[name] || name));
      values.forEach(function (value, vi) {
        var id = "search-f" + gi + "-" + vi;
        var row = el("div", "search-filter-option");
        var box = el("input");
        box.type = "checkbox";
        box.id = id;
        box.name = name;
        box.value = value;
        box.checked = selected[name].indexOf(value) >= 0;
        box.addEventListener("change", function () {
          var list = selected[name];
          var at = list.indexOf(value);
          if (box.checked && at < 0) list.push(value);
          if (!box.checked && at >= 0) list.splice(at, 1);
          search();
        });
        var label = el("label", "", value);
        label.htmlFor = id;
        label.appendChild(el("span", "search-filter-count", " (" + all[name][value] + ")"));
        row.appendChild(box);
        row.appendChild(label);
        fs.appendChild(row);
      });
      details.appendChild(fs);
      if (selected[name].length) details.open = true;
    });
    filterBox.appendChild(details);
    filterBox.hidden = false;
  }

  var timer = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(search, 250);
  });
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    clearTimeout(timer);
    search();
  });
  more.addEventListener("click", function () {
    showMore(current);
  });

  var params = new URLSearchParams(window.location.search);
  input.value = params.get("q") || "";
  status.textContent = strings.loading || "";
  import(new URL("pagefind/pagefind.js", rootUrl).href)
    .then(function (pf) {
      pagefind = pf;
      return pf.options({ baseUrl: base, excerptLength: EXCERPT }).then(function () {
        return pf.init();
      });
    })
    .then(function () {
      return pagefind.filters();
    })
    .then(function (all) {
      buildFilters(all, params);
      if (hint) {
        hint.hidden = false;
        input.setAttribute("aria-describedby", hint.id);
      }
      status.textContent = "";
      return search();
    })
    .catch(function () {
      status.textContent = strings.error_search || "";
    });
})();
