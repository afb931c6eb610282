// The menu button of small screens (disclosure pattern): it shows and
// hides the main navigation, says so with aria-expanded, and Escape closes
// it and puts focus back on the button. Without JavaScript the button
// stays hidden and the navigation is simply shown.
//
// On screens that are also short (400 % zoom), the sample notice starts
// folded; its summary opens it.
(function () {
  "use strict";
  var button = document.getElementById("menu-button");
  var menu = document.getElementById("menu");
  if (button && menu) {
    document.documentElement.classList.add("has-menu");
    button.hidden = false;
    var set = function (open) {
      button.setAttribute("aria-expanded", open ? "true" : "false");
      menu.classList.toggle("is-open", open);
    };
    button.addEventListener("click", function () {
      set(button.getAttribute("aria-expanded") !== "true");
    });
    document.addEventListener("keydown", function (e) {
      if (e.key !== "Escape" || button.getAttribute("aria-expanded") !== "true") return;
      var inside = menu.contains(document.activeElement) || document.activeElement === button;
      set(false);
      if (inside) button.focus();
    });
  }
  var notice = document.querySelector("details[data-notice]");
  if (notice && window.matchMedia && window.matchMedia("(max-height: 32em)").matches) {
    notice.open = false;
  }
})();
