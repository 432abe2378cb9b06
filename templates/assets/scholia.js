/* scholia.js: optional enhancements, each run only when the page has its
   hooks (pages are complete without it): note popovers, j/k keys, a grade
   filter, the claims search. Its words come from #scholia-strings. */
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
    if (text !== undefined) el.textContent = text;
    return el;
  };
  const claimOf = (el) => el.getAttribute('data-claim') || '';
  const refOf = (id) => all('a.claim-ref').find((a) => a.getAttribute('href') === '#note-' + id);

  /* 1. The popover */
  let popover = null;
  let popoverClaim = '';

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
    const box = make('div', { class: 'note-popover', role: 'dialog', 'aria-modal': 'false', 'data-claim': id, 'data-rating': note.getAttribute('data-rating') });
    const close = make('button', { class: 'close', type: 'button' }, str('close') || '\u00d7');
    close.addEventListener('click', () => closePopover(true));
    box.append(close, ...Array.from(note.childNodes, (n) => n.cloneNode(true)));
    all('.back', box).forEach((el) => el.remove());
    all('[id]', box).forEach((el) => el.removeAttribute('id'));
    const title = box.querySelector('.claim-title, h2, h3, h4');
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
    const sel = window.getSelection();
    if (mark && !(sel && !sel.isCollapsed)) openPopover(claimOf(mark)); /* not a drag to select */
  });

  /* 2. The keys */
  const firsts = all('mark.claim[id^="claim-"]');
  let current = '';

  const goTo = (id) => {
    closePopover(false);
    all('mark.claim.current').forEach((m) => m.classList.remove('current'));
    const marks = all('mark.claim').filter((m) => claimOf(m) === id);
    marks.forEach((m) => m.classList.add('current'));
    current = id;
    if (marks[0]) marks[0].scrollIntoView({ block: 'center' });
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
    } else if (firsts.length && (e.key === 'j' || e.key === 'k') &&
      !(e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented || typing(e.target))) {
      e.preventDefault();
      step(e.key === 'j' ? 1 : -1);
    }
  });

  if (firsts.length) all('.shortcuts[hidden]').forEach((p) => p.removeAttribute('hidden'));

  /* 3. The grade filter */
  const pressed = new Set();
  const buttons = [];

  const applyFilter = () => {
    const on = pressed.size > 0;
    doc.body.classList.toggle('filtering', on);
    all('mark.claim, [data-annot]').forEach((el) => el.classList.toggle('shown', pressed.has(el.getAttribute('data-rating'))));
    buttons.forEach((b) => {
      const grade = b.getAttribute('data-rating');
      b.setAttribute('aria-pressed', String(grade ? pressed.has(grade) : !on));
    });
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

  const legendList = doc.querySelector('nav.claim-legend ul');
  const entries = legendList ? all('li[data-rating]', legendList) : [];
  if (entries.length) {
    const group = make('div', { class: 'grade-filter-js', role: 'group', 'aria-label': str('filter') });
    for (const li of entries) {
      const copy = li.cloneNode(true);
      all('[aria-hidden="true"], .count', copy).forEach((el) => el.remove());
      const grade = li.getAttribute('data-rating');
      group.append(button(copy.textContent.replace(/\s+/g, ' ').trim() || grade, grade, li.getAttribute('data-tone')), ' ');
    }
    group.append(button(str('all') || '*', '', ''));
    legendList.after(group);
    applyFilter();
  }

  /* 4. The search of the claims page */
  const form = doc.querySelector('form.claim-search[data-index]');
  const input = form && form.querySelector('input');
  const status = form && form.querySelector('.search-status');
  const results = form && form.querySelector('.search-results');
  const indexURL = form && new URL(form.getAttribute('data-index'), location.href);
  if (!input || !results || indexURL.origin !== location.origin || !window.fetch) return;

  const fold = (s) => String(s || '').normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
  const safeURL = (u) => {
    try { return /^https?:$/.test(new URL(u, location.href).protocol) ? u : '#'; } catch (e) { return '#'; }
  };
  const count = (n) => {
    try { return n.toLocaleString(doc.documentElement.lang || undefined); } catch (e) { return String(n); }
  };
  const hide = () => { form.hidden = true; }; /* no index: the page's own lists remain */
  let loading = null;
  const load = () => {
    loading = loading || fetch(indexURL.href, { credentials: 'same-origin' })
      .then((r) => { if (!r.ok) throw new Error(r.status); return r.json(); })
      .then((items) => (Array.isArray(items) ? items : []).filter((c) => c && typeof c === 'object').map((c) => ({ c, text: fold([c.claim, c.quote, c.claimant, c.article].join(' ')) })));
    return loading;
  };

  const search = () => load().then((index) => {
    const words = fold(input.value).split(/\s+/).filter(Boolean);
    const hits = words.length ? index.filter((e) => words.every((w) => e.text.includes(w))) : [];
    results.textContent = '';
    for (const { c } of hits.slice(0, 50)) {
      const li = make('li');
      li.append(make('a', { href: safeURL(c.url) }, c.claim || ''), ' ',
        make('span', { class: 'grade', 'data-tone': c.tone, 'data-rating': c.grade }, c.label || ''), ' \u2014 ' + (c.article || ''));
      results.append(li);
    }
    if (status) status.textContent = !words.length ? '' : hits.length ? str('found').replace('{n}', count(hits.length)) : str('none');
  }, hide);

  input.addEventListener('focus', () => load().catch(hide), { once: true });
  input.addEventListener('input', search);
  form.addEventListener('submit', (e) => { e.preventDefault(); search(); });
  form.hidden = false;
})();
