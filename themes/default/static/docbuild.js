/* docbuild default theme: colour scheme toggle (automatic, light, dark,
   remembered in localStorage) and the navigation drawer on small screens. */
(function () {
  "use strict";
  var root = document.documentElement;
  var KEY = "docbuild-theme";
  var labels = { auto: "automatic", light: "light", dark: "dark" };

  function current() {
    var t = root.getAttribute("data-theme");
    return t === "light" || t === "dark" ? t : "auto";
  }

  function apply(mode) {
    if (mode === "auto") {
      root.removeAttribute("data-theme");
    } else {
      root.setAttribute("data-theme", mode);
    }
    try {
      if (mode === "auto") localStorage.removeItem(KEY);
      else localStorage.setItem(KEY, mode);
    } catch (e) { /* storage may be unavailable (private mode, file://) */ }
    var button = document.querySelector(".theme-toggle");
    if (button) {
      var text = "Colour scheme: " + labels[mode];
      button.title = text;
      button.setAttribute("aria-label", text);
    }
  }

  function next(mode) {
    // From automatic, switch to the opposite of what the system shows.
    var systemDark = window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches;
    if (mode === "auto") return systemDark ? "light" : "dark";
    if (mode === "light") return systemDark ? "auto" : "dark";
    return systemDark ? "light" : "auto";
  }

  document.addEventListener("DOMContentLoaded", function () {
    apply(current());
    var toggle = document.querySelector(".theme-toggle");
    if (toggle) {
      toggle.addEventListener("click", function () { apply(next(current())); });
    }
    var navToggle = document.querySelector(".nav-toggle");
    if (navToggle) {
      navToggle.addEventListener("click", function () {
        var open = document.body.classList.toggle("nav-open");
        navToggle.setAttribute("aria-expanded", open ? "true" : "false");
      });
    }
    // html_theme_options = {"navigation_with_keys": True}: the left and
    // right arrow keys go to the previous and next page, unless the
    // reader is typing or holds a modifier.
    if (document.body.hasAttribute("data-navigation-with-keys")) {
      document.addEventListener("keydown", function (ev) {
        var t = ev.target && ev.target.tagName;
        if (ev.altKey || ev.ctrlKey || ev.metaKey || ev.shiftKey || t === "INPUT" || t === "TEXTAREA" || t === "SELECT") {
          return;
        }
        var rel = ev.key === "ArrowLeft" ? "prev" : ev.key === "ArrowRight" ? "next" : "";
        var link = rel && document.querySelector('link[rel="' + rel + '"]');
        if (link) {
          window.location.href = link.href;
          ev.preventDefault();
        }
      });
    }
    // Keep the current page visible in a long sidebar.
    var cur = document.querySelector(".globaltoc a.current");
    var sidebar = document.querySelector(".site-sidebar");
    if (cur && sidebar && cur.scrollIntoView) {
      var r = cur.getBoundingClientRect();
      if (r.bottom > window.innerHeight) {
        sidebar.scrollTop += r.top - sidebar.getBoundingClientRect().top - 80;
      }
    }
  });
})();
