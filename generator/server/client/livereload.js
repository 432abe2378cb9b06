// Scholia dev server: live reload, stylesheet swaps and the error overlay.
// The server injects this script into every HTML page it serves (never
// into public/). It listens to the server's events (EventSource, with
// automatic reconnection) and:
//   reload  reloads the page when its own output changed (or all pages),
//           keeping the scroll position;
//   css     swaps the stylesheets in place, without a reload;
//   hello   starts (or restarts) a connection, removing any overlay: the
//           server follows it with errors while the site is broken;
//   errors  shows the overlay listing each error with its source lines;
//   ok      removes the overlay.
// The page reloads too when the server restarted (another instance id)
// or rebuilt while the page was connecting (a newer generation).
(function () {
  "use strict";
  var me = document.currentScript;
  if (!me || window.__scholiaLive) return;
  window.__scholiaLive = true;
  var EVENTS = "/__scholia/events";
  var CSS = /*OVERLAY_CSS*/ "";
  var id = me.dataset.id;
  var gen = parseInt(me.dataset.gen || "0", 10);
  var files = (me.dataset.files || "").split(" ").filter(Boolean);
  var scrollKey = "scholia:scroll:" + location.pathname + location.search;

  // Scroll position: saved before a reload, restored once after it.
  function saveScroll() {
    try {
      sessionStorage.setItem(scrollKey, JSON.stringify([window.scrollX, window.scrollY]));
    } catch (e) {}
  }
  function restoreScroll() {
    var saved;
    try {
      saved = sessionStorage.getItem(scrollKey);
    } catch (e) {}
    if (!saved) return;
    var xy = JSON.parse(saved);
    window.scrollTo(xy[0], xy[1]);
    // Again once images have their sizes; then forget it.
    window.addEventListener("load", function () {
      window.scrollTo(xy[0], xy[1]);
      try { sessionStorage.removeItem(scrollKey); } catch (e) {}
    }, { once: true });
    if (document.readyState === "complete") {
      try { sessionStorage.removeItem(scrollKey); } catch (e) {}
    }
  }
  restoreScroll();

  function reload() {
    saveScroll();
    location.reload();
  }

  // Stylesheets: add a fresh copy of each changed <link> right after it and
  // remove the old one when the new one has loaded, so the page never shows
  // unstyled.
  function swapCSS(changed) {
    var links = Array.prototype.slice.call(document.querySelectorAll('link[rel~="stylesheet"]'));
    var matching = links.filter(function (l) {
      var p = new URL(l.href, location.href).pathname.replace(/^\//, "");
      return changed.indexOf(p) >= 0;
    });
    // A stylesheet we cannot tell (one @imported by another): swap them all.
    (matching.length ? matching : links).forEach(function (old) {
      var url = new URL(old.href, location.href);
      url.searchParams.set("scholia", Date.now().toString(36));
      var fresh = old.cloneNode(false);
      fresh.href = url.href;
      var done = function () { old.remove(); };
      fresh.addEventListener("load", done, { once: true });
      fresh.addEventListener("error", done, { once: true });
      old.after(fresh);
    });
  }

  // The overlay, built with DOM calls and textContent only: error text is
  // content, never markup.
  var host = null, lastFocus = null;
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }
  function hideErrors() {
    if (!host) return;
    host.remove();
    host = null;
    if (lastFocus && lastFocus.focus) lastFocus.focus();
  }
  function showErrors(errs) {
    hideErrors();
    if (!errs || !errs.length) return;
    host = el("div");
    host.id = "scholia-error-overlay";
    var root = host.attachShadow({ mode: "open" });
    var style = el("style", null, CSS);
    var overlay = el("div", "overlay");
    var box = el("div", "box");
    box.setAttribute("role", "alertdialog");
    box.setAttribute("aria-modal", "true");
    box.setAttribute("aria-labelledby", "scholia-title");
    box.setAttribute("aria-describedby", "scholia-hint");
    var head = el("div", "head");
    var title = el("h2", null, errs.length === 1 ? "The site has an error" : "The site has " + errs.length + " errors");
    title.id = "scholia-title";
    var close = el("button", null, "Close");
    close.type = "button";
    close.setAttribute("aria-label", "Close the error overlay");
    close.addEventListener("click", hideErrors);
    head.append(title, close);
    var hint = el("p", "hint", "Showing the last good build. This goes away by itself when you save a fix. Esc closes it.");
    hint.id = "scholia-hint";
    var list = el("ol");
    errs.forEach(function (e) {
      var li = el("li");
      if (e.pos) li.append(el("div", "pos", e.pos));
      li.append(el("p", "msg", e.message));
      if (e.context && e.context.length) {
        var pre = el("pre");
        pre.setAttribute("aria-label", "Source around " + (e.pos || "the error"));
        e.context.forEach(function (c) {
          var line = el("span", c.error ? "line error" : "line");
          line.append(el("span", "n", String(c.n)));
          line.append(document.createTextNode(c.text));
          if (c.error) {
            line.append(el("span", "mark", c.mark || " "));
            line.append(document.createTextNode(c.after || ""));
          }
          pre.append(line);
        });
        li.append(pre);
      }
      list.append(li);
    });
    box.append(head, hint, list);
    overlay.append(box);
    root.append(style, overlay);
    overlay.addEventListener("keydown", function (ev) {
      if (ev.key === "Escape") hideErrors();
    });
    (document.body || document.documentElement).append(host);
    lastFocus = document.activeElement;
    close.focus();
  }

  function data(ev) {
    try { return JSON.parse(ev.data); } catch (e) { return {}; }
  }

  function connect() {
    var es = new EventSource(EVENTS);
    es.addEventListener("hello", function (ev) {
      // A fresh start: the server follows hello with the errors when the
      // site is still broken, so an overlay left from before a missed
      // "ok" goes, and a current one comes back.
      hideErrors();
      var d = data(ev);
      if (d.id !== id || d.gen > gen) { es.close(); reload(); return; }
      window.__scholiaLive = "connected"; // for tests and the curious
    });
    es.addEventListener("reload", function (ev) {
      var d = data(ev);
      gen = Math.max(gen, d.gen);
      if (d.all || (d.files || []).some(function (f) { return files.indexOf(f) >= 0; })) {
        es.close();
        reload();
      }
    });
    es.addEventListener("css", function (ev) {
      var d = data(ev);
      gen = Math.max(gen, d.gen);
      swapCSS(d.files || []);
    });
    es.addEventListener("errors", function (ev) { showErrors(data(ev).errors); });
    es.addEventListener("ok", hideErrors);
    es.onerror = function () {
      window.__scholiaLive = "connecting";
      // The browser retries by itself while the stream is CONNECTING; after
      // a hard failure (CLOSED) we start over.
      if (es.readyState === EventSource.CLOSED) setTimeout(connect, 1000);
    };
  }
  connect();
})();
