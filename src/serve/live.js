// konzept serve: live reload, the error overlay and the PDF status.
// Injected into every served page; never written to the site on disk.
(function () {
  "use strict";
  var here = decodeURIComponent(location.pathname).replace(/index\.html$/, "");
  var source = new EventSource("/__konzept/events");
  source.addEventListener("reload", function (e) {
    var d = JSON.parse(e.data);
    if (d.all || d.paths.indexOf(here) !== -1) {
      location.reload();
    }
  });
  source.addEventListener("overlay", function (e) {
    var old = document.getElementById("konzept-overlay");
    if (old) {
      old.remove();
    }
    var html = JSON.parse(e.data).html;
    if (html) {
      document.body.insertAdjacentHTML("beforeend", html);
    }
  });
  source.addEventListener("pdf", function (e) {
    var d = JSON.parse(e.data);
    var el = document.getElementById("konzept-pdf");
    if (!el) {
      el = document.createElement("div");
      el.id = "konzept-pdf";
      el.setAttribute("role", "status");
      el.style.cssText =
        "position:fixed;right:1rem;bottom:1rem;z-index:2147483647;padding:.5rem .75rem;" +
        "border-radius:.25rem;font:14px/1.4 system-ui,sans-serif;color:#fff;background:#1d3b5a";
      document.body.appendChild(el);
    }
    el.textContent = d.message;
    el.dataset.state = d.state;
    el.style.background = d.state === "failed" ? "#a4161a" : "#1d3b5a";
    if (d.state === "ready") {
      setTimeout(function () { el.remove(); }, 4000);
    }
  });
})();
