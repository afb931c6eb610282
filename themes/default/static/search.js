// Starts the Pagefind search on the search page. The interface words come
// from the theme's strings (rendered into #search-strings); links in the
// results are made from the site root, so the site works under a sub-path.
(function () {
  "use strict";

  var el = document.getElementById("search");
  if (!el || typeof window.PagefindUI !== "function") return;

  // data-root is the relative way back to the site root, e.g. "../".
  var base = new URL(el.getAttribute("data-root") || "./", window.location.href).pathname;
  var strings = {};
  var source = document.getElementById("search-strings");
  if (source) {
    try {
      strings = JSON.parse(source.textContent);
    } catch (e) {
      strings = {};
    }
  }

  var ui = new window.PagefindUI({
    element: "#search",
    baseUrl: base,
    bundlePath: base + "pagefind/",
    showSubResults: true,
    showImages: false,
    excerptLength: 24,
    translations: strings,
  });

  // The input gets a visible label and a search role, whatever the UI
  // version renders by default.
  function label() {
    var input = el.querySelector("input[type='text'], input[type='search']");
    if (!input) return false;
    if (!input.id) input.id = "search-input";
    if (!el.querySelector("label[for='" + input.id + "']")) {
      var l = document.createElement("label");
      l.setAttribute("for", input.id);
      l.className = "search-label";
      l.textContent = strings.search_label || input.getAttribute("aria-label") || "";
      var form = input.closest("form") || input.parentElement;
      form.parentElement.insertBefore(l, form);
    }
    input.removeAttribute("aria-label");
    input.setAttribute("autocomplete", "off");
    input.setAttribute("enterkeyhint", "search");
    return true;
  }
  if (!label()) {
    new MutationObserver(function (_, obs) {
      if (label()) obs.disconnect();
    }).observe(el, { childList: true, subtree: true });
  }

  // suche/?q=Sprachkurs starts a search right away (links from other pages).
  var q = new URLSearchParams(window.location.search).get("q");
  if (q) ui.triggerSearch(q);
})();
