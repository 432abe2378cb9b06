/* scholia.js: note popovers, j/k keys, a grade filter and the claims search,
   each only where the page has its hooks; its words are #scholia-strings. */
(() => {
  'use strict';

  const doc = document;
  const all = (sel, root) => Array.from((root || doc).querySelectorAll(sel));
  let strings = {};
  try { strings = JSON.parse(doc.getElementById('scholia-strings').textContent) || {}; } catch (e) { /* no words */ }
  const str = (key) => (typeof strings[key] === 'string' ? strings[key] : '');
  const make = (tag, attrs, text) => {
    const el = doc.createElement(tag);
    for (const k in attrs) if (attrs[k]) el.setAttribute(k, attrs[k]);
    if (text) el.textContent = text;
    return el;
  };
  const claimOf = (el) => el.dataset.claim || '';
  const refOf = (id) => all('a.claim-ref').find((a) => a.getAttribute('href') === '#note-' + id);

  /* 1. The popover */
  let popover = null, popoverClaim = '';

  const closePopover = (refocus) => {
    if (!popover) return;
    popover.remove();
    popover = null;
    const ref = refOf(popoverClaim);
    if (refocus && ref) ref.focus();
  };

  const openPopover = (id) => {
    const note = doc.getElementById('note-' + id);
    if (!note) return;
    closePopover(false);
    const box = make('div', { class: 'note-popover', role: 'dialog', 'aria-modal': 'false', 'data-rating': note.dataset.rating });
    const close = make('button', { class: 'close', type: 'button' }, str('close') || '\u00d7');
    close.addEventListener('click', () => closePopover(true));
    box.append(close, ...Array.from(note.childNodes, (n) => n.cloneNode(true)));
    all('.back', box).forEach((el) => el.remove());
    all('[id]', box).forEach((el) => el.removeAttribute('id'));
    const title = box.querySelector('.claim-title, h3');
    if (title) {
      title.id = 'scholia-popover-title';
      box.setAttribute('aria-labelledby', title.id);
    }
    doc.body.append(box);
    popover = box;
    popoverClaim = id;
    close.focus();
  };

  doc.addEventListener('click', (e) => {
    const t = e.target;
    if (!(t instanceof Element) || (popover && popover.contains(t))) return;
    closePopover(false);
    if (e.button !== 0 || e.defaultPrevented || t.closest('a, button, [data-annot]')) return;
    const mark = t.closest('mark.claim[data-claim]');
    if (mark && getSelection().isCollapsed) openPopover(claimOf(mark)); /* not a drag to select text */
  });

  /* 2. The keys */
  let firsts = [], current = '';

  const goTo = (id) => {
    closePopover(false);
    all('mark.claim').forEach((m) => m.classList.toggle('current', claimOf(m) === id));
    current = id;
    doc.getElementById('claim-' + id).scrollIntoView({ block: 'center' });
    const ref = refOf(id);
    if (ref) ref.focus({ preventScroll: true });
  };

  const step = (by) => {
    const list = firsts.filter((m) => !doc.body.classList.contains('filtering') || m.classList.contains('shown'));
    if (!list.length) return;
    const active = doc.activeElement;
    const from = active && active.matches('a.claim-ref') ? active.getAttribute('href').replace(/^#note-/, '') : current;
    const i = list.map(claimOf).indexOf(from);
    goTo(claimOf(list[i < 0 ? 0 : Math.max(0, Math.min(list.length - 1, i + by))]));
  };

  const typing = (el) => !!el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));

  doc.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && popover) {
      closePopover(true);
    } else if (firsts.length && /^[jk]$/.test(e.key) &&
      !(e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented || typing(e.target))) {
      e.preventDefault();
      step(e.key === 'j' ? 1 : -1);
    }
  });

  /* 3. The grade filter */
  const pressed = new Set();
  const buttons = [];

  const applyFilter = () => {
    const on = pressed.size > 0;
    doc.body.classList.toggle('filtering', on);
    all('mark.claim, [data-annot]').forEach((el) => el.classList.toggle('shown', pressed.has(el.dataset.rating)));
    for (const b of buttons) b.setAttribute('aria-pressed', String(b.dataset.rating ? pressed.has(b.dataset.rating) : !on));
  };

  const button = (label, grade, tone) => {
    const b = make('button', { type: 'button', 'data-rating': grade, 'data-tone': tone }, label);
    b.addEventListener('click', () => {
      if (!grade) pressed.clear();
      else if (pressed.has(grade)) pressed.delete(grade);
      else pressed.add(grade);
      applyFilter();
    });
    buttons.push(b);
    return b;
  };

  const filterSetup = () => {
    const list = doc.querySelector('nav.claim-legend ul');
    const entries = list ? all('li[data-rating]', list) : [];
    if (!entries.length || list.parentNode.querySelector('.grade-filter-js')) return;
    buttons.length = 0;
    const group = make('div', { class: 'grade-filter-js', role: 'group', 'aria-label': str('filter') });
    for (const li of entries) {
      const copy = li.cloneNode(true);
      all('[aria-hidden="true"], .count', copy).forEach((el) => el.remove());
      const grade = li.dataset.rating;
      group.append(button(copy.textContent.replace(/\s+/g, ' ').trim() || grade, grade, li.dataset.tone), ' ');
    }
    group.append(button(str('all') || '*', '', ''));
    list.after(group);
  };

  /* 4. The search of the claims page */
  const fold = (s) => String(s || '').normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
  const count = (n) => {
    try { return n.toLocaleString(doc.documentElement.lang); } catch (e) { return String(n); }
  };
  const wired = new WeakSet();
  const searchSetup = () => {
    const form = doc.querySelector('form.claim-search[data-index]');
    const input = form && form.querySelector('input');
    const status = form && form.querySelector('.search-status');
    const results = form && form.querySelector('.search-results');
    const indexURL = form && new URL(form.dataset.index, location.href);
    if (!input || !results || indexURL.origin !== location.origin) return;
    form.hidden = false;
    if (wired.has(form)) return;
    wired.add(form);
    const hide = () => { form.hidden = true; }; /* no index: the lists remain */
    let loading = null;
    const load = () => {
      loading = loading || fetch(indexURL.href)
        .then((r) => { if (!r.ok) throw new Error(r.status); return r.json(); })
        .then((items) => (Array.isArray(items) ? items : []).filter((c) => c instanceof Object)
          .map((c) => ({ c, text: fold([c.claim, c.quote, c.claimant, c.article].join(' ')) })));
      return loading;
    };

    const search = () => load().then((index) => {
      const words = fold(input.value).split(/\s+/).filter(Boolean);
      const hits = words.length ? index.filter((e) => words.every((w) => e.text.includes(w))) : [];
      results.textContent = '';
      for (const { c } of hits.slice(0, 50)) {
        const li = make('li'), a = make('a', { href: c.url }, c.claim);
        if (!/^https?:$/.test(a.protocol)) a.href = '#'; /* a link, never code */
        li.append(a, ' ', make('span', { class: 'grade', 'data-tone': c.tone, 'data-rating': c.grade }, c.label), ' \u2014 ' + (c.article || ''));
        results.append(li);
      }
      if (status) status.textContent = !words.length ? '' : hits.length ? str('found').replace('{n}', count(hits.length)) : str('none');
    }, hide);

    input.addEventListener('focus', () => load().catch(hide), { once: true });
    input.addEventListener('input', search);
    form.addEventListener('submit', (e) => { e.preventDefault(); search(); });
  };

  /* 5. Margin notes in right-to-left text. Chromium places the floats that
     must wait for room on one line in the line's visual order, which
     right-to-left text reverses: swap such a pair's places in the text
     until the notes read in the claims' order again. */
  const orderNotes = () => {
    if (getComputedStyle(doc.documentElement).direction !== 'rtl') return;
    const rank = new Map(firsts.map((m, i) => [claimOf(m), i]));
    for (let pass = 0; pass < firsts.length; pass++) {
      const notes = all('.margin-note').filter((n) => n.offsetParent && rank.has(claimOf(n)))
        .sort((a, b) => rank.get(claimOf(a)) - rank.get(claimOf(b)));
      const i = notes.findIndex((n, k) => k > 0 && n.getBoundingClientRect().top < notes[k - 1].getBoundingClientRect().top - 1);
      if (i < 0) return;
      const a = notes[i - 1], b = notes[i], here = doc.createComment('');
      a.replaceWith(here); b.replaceWith(a); here.replaceWith(b);
    }
  };
  /* Paper shows the whole review, also where ::details-content is unknown. */
  addEventListener('beforeprint', () => all('details.review-more').forEach((d) => { d.open = true; }));
  let resized = 0;
  addEventListener('resize', () => { clearTimeout(resized); resized = setTimeout(orderNotes, 150); });

  /* Set up, and again when the dev server morphs the page in place. */
  const setup = () => {
    if (popover && !popover.isConnected) popover = null;
    firsts = all('mark.claim[id^="claim-"]');
    if (firsts.length) all('.shortcuts[hidden]').forEach((p) => p.removeAttribute('hidden'));
    filterSetup();
    applyFilter();
    searchSetup();
    orderNotes();
  };
  setup();
  doc.addEventListener('scholia:morphed', setup);
})();
