// Scholia dev server: live reload, stylesheet swaps and the error overlay.
// The server injects this script into every HTML page it serves (never
// into public/). It listens to the server's events (EventSource, with
// automatic reconnection) and:
//   reload  when its own output changed (or all pages did), fetches the
//           page again and morphs the DOM to match it, keeping the scroll
//           position, focus, selection and the <details> the reader
//           opened; it reloads instead (keeping the scroll position) when
//           the event says an embedded asset changed, or when what changed
//           is something only a reload applies: a stylesheet <link>, a
//           script or <base>;
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
  var files = (me.dataset.files || "").split(" ").filter(Boolean).map(decodeURIComponent);
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
  // Morphing. A page fetched again is compared with the one shown, and the
  // DOM changed in place only where they differ: nodes the reader is using
  // stay the same nodes, so nothing scrolls, focus and selection stay, and
  // a <details> keeps the open state the reader gave it.
  var SCRIPT = me.getAttribute("src"), LOOKAHEAD = 64, morphs = 0;
  var each = function (list, f) { Array.prototype.forEach.call(list, f); };

  // Ours: the overlay and this script, which the morph leaves alone.
  function ours(n) {
    return n === host || (n.nodeType === 1 && n.tagName === "SCRIPT" && n.getAttribute("src") === SCRIPT);
  }
  // runs reports whether a <script> is code (rather than data such as
  // JSON-LD): code inserted by a morph would not run, and code changed
  // would not run again.
  function runs(s) {
    var t = (s.getAttribute("type") || "").trim().toLowerCase();
    return t === "" || t === "module" || t === "importmap" || /(java|ecma|j|live)script/.test(t);
  }
  // fixed reports head elements whose change only a reload applies.
  function fixed(e) {
    switch (e.tagName) {
      case "TITLE": case "META": case "STYLE": return false;
      case "SCRIPT": return runs(e);
      case "LINK": return /(^|\s)(stylesheet|preload|modulepreload|manifest)(\s|$)/i.test(e.getAttribute("rel") || "");
    }
    return true;
  }
  // sig is an element's identity for "changed or not", ignoring the query
  // a stylesheet swap adds to its href.
  function sig(e) {
    var a = [];
    each(e.attributes, function (at) {
      var v = at.value;
      if (at.name === "href") {
        var u = new URL(v, location.href);
        u.searchParams.delete("scholia");
        v = u.href;
      }
      a.push(at.name + "=" + v);
    });
    return e.tagName + " " + a.sort().join(" ") + " " + e.textContent;
  }
  function codeOf(root) {
    var out = [];
    each(root.querySelectorAll("script"), function (s) { if (runs(s) && !ours(s)) out.push(sig(s)); });
    return out.join("\n");
  }
  // headParts splits a head into what only a reload applies (as
  // signatures) and metadata keyed by what it describes.
  function headParts(head) {
    var parts = { fixed: [], meta: {} }, seen = {};
    each(head.children, function (e) {
      if (ours(e) || e.scholiaLeaving) return;
      if (fixed(e)) { parts.fixed.push(sig(e)); return; }
      var k = e.tagName + " " + (e.id || e.getAttribute("name") || e.getAttribute("property") ||
        e.getAttribute("http-equiv") || e.getAttribute("rel") || e.getAttribute("type") || "");
      seen[k] = (seen[k] || 0) + 1;
      parts.meta[k + " " + seen[k]] = e;
    });
    return parts;
  }

  // syncAttrs makes old's attributes new's, but for a <details>'s open.
  function syncAttrs(old, next) {
    var keep = old.tagName === "DETAILS" ? "open" : "";
    each(next.attributes, function (at) {
      if (at.name !== keep && old.getAttribute(at.name) !== at.value) old.setAttribute(at.name, at.value);
    });
    for (var i = old.attributes.length - 1; i >= 0; i--) {
      var name = old.attributes[i].name;
      if (name !== keep && !next.hasAttribute(name)) old.removeAttribute(name);
    }
  }
  function morphNode(old, next) {
    if (old.nodeType !== 1) {
      if (old.nodeValue !== next.nodeValue) old.nodeValue = next.nodeValue;
      return;
    }
    syncAttrs(old, next);
    morphChildren(old, next);
  }
  function fits(old, next, wanted) {
    return old.nodeType === next.nodeType && (old.nodeType !== 1 ||
      (old.tagName === next.tagName && (!old.id || old.id === next.id || !wanted[old.id])));
  }
  // morphChildren makes from's children to's: an old child is kept when it
  // has the id of a new one, or else is the next unused one of its tag (an
  // identical one first); the rest are inserted and removed.
  function morphChildren(from, to) {
    var olds = [], byId = {}, wanted = {}, used = [], at = 0, ref = from.firstChild;
    for (var n = from.firstChild; n; n = n.nextSibling) {
      if (ours(n)) continue;
      if (n.id) byId[n.id] = olds.length;
      olds.push(n);
    }
    for (var m = to.firstChild; m; m = m.nextSibling) if (m.id) wanted[m.id] = true;
    for (m = to.firstChild; m; m = m.nextSibling) {
      if (ours(m)) continue;
      var k = m.id && byId[m.id] != null && !used[byId[m.id]] && olds[byId[m.id]].tagName === m.tagName ? byId[m.id] : -1;
      for (var i = at; k < 0 && i < olds.length && i < at + 8; i++) {
        if (!used[i] && olds[i].isEqualNode(m)) k = i;
      }
      for (i = at; k < 0 && i < olds.length && i < at + LOOKAHEAD; i++) {
        if (!used[i] && fits(olds[i], m, wanted)) k = i;
      }
      if (k < 0) {
        from.insertBefore(document.importNode(m, true), ref);
        continue;
      }
      var old = olds[k];
      used[k] = true;
      while (at < olds.length && used[at]) at++;
      if (old !== ref) from.insertBefore(old, ref);
      ref = old.nextSibling;
      if (!old.isEqualNode(m)) morphNode(old, m);
    }
    olds.forEach(function (o, i) { if (!used[i]) o.remove(); });
  }

  function focusState() {
    var a = document.activeElement;
    if (!a || a === document.body) return null;
    var s = { el: a };
    try { s.start = a.selectionStart; s.end = a.selectionEnd; s.dir = a.selectionDirection; } catch (e) {}
    return s;
  }
  // restoreFocus gives focus back to an element a move took it from.
  function restoreFocus(s) {
    if (!s || !s.el.isConnected || document.activeElement === s.el) return;
    s.el.focus({ preventScroll: true });
    try { if (s.start != null) s.el.setSelectionRange(s.start, s.end, s.dir); } catch (e) {}
  }

  // apply morphs the page into doc, or reports that only a reload can:
  // the server restarted, the page is older than the event asked for, or
  // a stylesheet, script or <base> changed.
  function apply(doc, minGen) {
    var tag = doc.querySelector('script[src="' + SCRIPT + '"]');
    var now = headParts(document.head), next = headParts(doc.head);
    if (!tag || tag.dataset.id !== id || parseInt(tag.dataset.gen, 10) < minGen ||
        now.fixed.join("\n") !== next.fixed.join("\n") || codeOf(document.body) !== codeOf(doc.body)) return false;
    var x = window.scrollX, y = window.scrollY, focus = focusState();
    Object.keys(next.meta).forEach(function (k) {
      if (now.meta[k]) morphNode(now.meta[k], next.meta[k]);
      else document.head.append(document.importNode(next.meta[k], true));
    });
    Object.keys(now.meta).forEach(function (k) { if (!next.meta[k]) now.meta[k].remove(); });
    syncAttrs(document.documentElement, doc.documentElement);
    syncAttrs(document.body, doc.body);
    morphChildren(document.body, doc.body);
    restoreFocus(focus);
    if (window.scrollX !== x || window.scrollY !== y) window.scrollTo(x, y);
    gen = Math.max(gen, parseInt(tag.dataset.gen, 10));
    files = (tag.dataset.files || "").split(" ").filter(Boolean).map(decodeURIComponent);
    // For tests and benchmarks: a morph keeps window state, a reload not.
    document.documentElement.dataset.scholiaMorphs = String(++morphs);
    document.dispatchEvent(new CustomEvent("scholia:morphed"));
    return true;
  }

  // refresh fetches the page and morphs it, one fetch at a time: an event
  // during a fetch fetches again after it. Anything unexpected reloads.
  var fetching = false, again = 0;
  function refresh(minGen) {
    if (fetching) { again = Math.max(again, minGen); return; }
    fetching = true;
    fetch(location.href, { cache: "no-store", headers: { Accept: "text/html" } }).then(function (res) {
      var type = res.headers.get("Content-Type") || "";
      if (!res.ok || type.indexOf("text/html") !== 0) throw new Error("not a page");
      return res.text();
    }).then(function (text) {
      if (!apply(new DOMParser().parseFromString(text, "text/html"), minGen)) throw new Error("needs a reload");
      fetching = false;
      if (again) { var g = again; again = 0; refresh(g); }
    }).catch(reload);
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
      // A morph meanwhile compares the page without it.
      old.scholiaLeaving = true;
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
      if (!d.all && !(d.files || []).some(function (f) { return files.indexOf(f) >= 0; })) return;
      if (d.hard) {
        es.close();
        reload();
      } else {
        refresh(d.gen);
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
