// Filters for the catalogue pages (recommendations, measures, offers).
//
// Without JavaScript the page shows every item, grouped; this script reveals
// the filter form, hides items that do not match the chosen values, hides
// groups left empty, reports the count in a live region and keeps the choice
// in the query string (so a filtered list can be bookmarked and shared).
(function () {
  "use strict";

  var form = document.querySelector("form[data-filter-form]");
  var list = document.querySelector("[data-filter-list]");
  if (!form || !list) return;

  var FACETS = ["handlungsfeld", "zielgruppe", "kommune", "ebene", "status", "sprache", "art"];
  // An item with no focus group addresses all groups.
  var EMPTY_MATCHES_ALL = { zielgruppe: true };

  var selects = Array.prototype.filter.call(
    form.querySelectorAll("select[name]"),
    function (s) { return FACETS.indexOf(s.name) !== -1; }
  );
  var selector = FACETS.map(function (f) { return "[data-" + f + "]"; }).join(",");
  var items = Array.prototype.filter.call(list.querySelectorAll(selector), function (el) {
    return el.matches(".card, tr");
  });
  var groups = Array.prototype.slice.call(list.querySelectorAll("[data-filter-group]"));
  var groupItems = groups.map(function (g) {
    return items.filter(function (el) { return g.contains(el); });
  });
  // The "jump to" links of each group, kept in step with the groups.
  var jumps = groups.map(function (g) {
    var a = g.id && document.querySelector('.jump a[href="#' + g.id + '"]');
    return a ? a.parentElement : null;
  });
  var count = form.querySelector("[data-filter-count]");
  var template = (count && count.getAttribute("data-template")) || "{n} / {total}";

  // Each item's values per facet, parsed once.
  var values = items.map(function (el) {
    var v = {};
    FACETS.forEach(function (f) {
      var raw = el.getAttribute("data-" + f);
      v[f] = raw === null ? null : raw.split(/\s+/).filter(Boolean);
    });
    return v;
  });

  function chosen() {
    var c = {};
    selects.forEach(function (s) { if (s.value) c[s.name] = s.value; });
    return c;
  }

  function matches(v, c) {
    for (var f in c) {
      var have = v[f];
      if (have === null) continue; // this kind of item has no such facet
      if (have.length === 0 && EMPTY_MATCHES_ALL[f]) continue;
      if (have.indexOf(c[f]) === -1) return false;
    }
    return true;
  }

  function apply() {
    var c = chosen();
    var shown = 0;
    items.forEach(function (el, i) {
      var ok = matches(values[i], c);
      el.hidden = !ok;
      if (ok) shown++;
    });
    groups.forEach(function (g, gi) {
      var any = groupItems[gi].some(function (el) { return !el.hidden; });
      g.hidden = !any;
      if (jumps[gi]) jumps[gi].hidden = !any;
    });
    if (count) {
      count.textContent = template.replace("{n}", shown).replace("{total}", items.length);
    }
    return c;
  }

  function save(c) {
    var params = new URLSearchParams(window.location.search);
    FACETS.forEach(function (f) { params.delete(f); });
    selects.forEach(function (s) { if (c[s.name]) params.set(s.name, c[s.name]); });
    var q = params.toString();
    var url = window.location.pathname + (q ? "?" + q : "") + window.location.hash;
    try {
      window.history.replaceState(null, "", url);
    } catch (e) {
      // file:// and sandboxed frames may refuse; the filter still works.
    }
  }

  function restore() {
    var params = new URLSearchParams(window.location.search);
    selects.forEach(function (s) {
      var v = params.get(s.name);
      if (v === null) return;
      var known = Array.prototype.some.call(s.options, function (o) { return o.value === v; });
      s.value = known ? v : "";
    });
  }

  form.addEventListener("change", function () { save(apply()); });
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  form.addEventListener("reset", function () {
    // The browser resets the fields after this event; filter afterwards.
    window.setTimeout(function () {
      selects.forEach(function (s) { s.value = ""; });
      save(apply());
    }, 0);
  });

  restore();
  apply();
  form.hidden = false;
  Array.prototype.forEach.call(document.querySelectorAll("[data-filter-nojs]"), function (el) {
    el.hidden = true;
  });
})();
