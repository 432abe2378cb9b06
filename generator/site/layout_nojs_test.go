package site

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// disclosure is where a claim's details.claim-disclosure stands.
type disclosure struct {
	ID              string
	Count           int    // disclosures of the claim
	Display         string // of the first
	Height          float64
	AfterLastMark   bool   // it follows the claim's last mark in document order
	BeforeNextBlock bool   // and precedes the first block after the claim's block
	Block, Next     string // those blocks' tag names
}

const disclosuresJS = `(() => { ` + claimIDsJS + `
const blocks = 'p,li,blockquote,table,pre,h1,h2,h3,h4,h5,h6,dl,dt,dd,hr,figure';
const all = [...body.querySelectorAll(blocks)].filter(e => !e.closest('.claim-disclosure'));
const follows = (a, b) => !!(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) && !a.contains(b);
return ids.map(id => {
  const marks = body.querySelectorAll(sel('mark.claim', id)), last = marks[marks.length - 1];
  const ds = body.querySelectorAll(sel('details.claim-disclosure', id)), d = ds[0];
  const blk = last.closest(blocks), next = all.find(e => follows(blk, e));
  return {ID: id, Count: ds.length, Display: d ? getComputedStyle(d).display : '', Height: d ? d.getBoundingClientRect().height : 0,
    AfterLastMark: !!d && follows(last, d), BeforeNextBlock: !!d && (!next || follows(d, next)),
    Block: blk.tagName, Next: next ? next.tagName : ''};
});
})()`

// openedNoteJS clicks nothing: it reports, for the claim's disclosure,
// whether it is open and whether its note shows the endnote's text.
const openedNoteJS = `((id) => {
const d = document.querySelector('details.claim-disclosure[data-claim="' + CSS.escape(id) + '"]');
const note = d.querySelector('.note'), end = document.querySelector('#note-' + CSS.escape(id) + ' .note');
const text = e => e ? e.innerText.replace(/\s+/g, ' ').trim() : '';
if (!d.open) return 'it did not open';
if (!note || note.getBoundingClientRect().height === 0 || text(note) === '') return 'it shows no note';
if (text(note) !== text(end)) return 'its note reads ' + JSON.stringify(text(note).slice(0, 60)) + ', the endnote ' + JSON.stringify(text(end).slice(0, 60));
return '';
})`

// TestBrowserNoScript reads the articles with JavaScript disabled: on a
// narrow screen each claim's disclosure is shown right after the claim,
// before the next block, and opens on a click to show the note; at both
// widths every note reference leads to its endnote.
func TestBrowserNoScript(t *testing.T) {
	b := openBrowser(t, time.Minute)
	if _, err := chromedp.Call(b.ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	// Make sure that pages really run no script (the test's own scripts
	// run through DevTools and still do).
	b.do(t, chromedp.Navigate(`data:text/html,<title>off</title><script>document.title = "on"</script>`))
	if title := evalIn[string](t, b, `document.title`); title != "off" {
		t.Fatalf("the page's script ran (title %q): JavaScript is not disabled", title)
	}
	for _, site := range []browserSite{siteExample, siteEveryGrade, siteArabic} {
		base, _ := site.serve(t)
		t.Run("disclosures at 390px/"+site.name, func(t *testing.T) {
			b.size(t, 390, 800)
			b.open(t, base, site.article)
			ds := evalIn[[]disclosure](t, b, disclosuresJS)
			if len(ds) == 0 {
				t.Fatal("no claims on the page")
			}
			for _, d := range ds {
				if d.Count != 1 || d.Display == "none" || d.Height == 0 {
					t.Errorf("claim %s: %d disclosures, display %q, height %.0f; want one shown", d.ID, d.Count, d.Display, d.Height)
					continue
				}
				if !d.AfterLastMark || !d.BeforeNextBlock {
					t.Errorf("claim %s: its disclosure is after the last mark: %v, before the next block (%s after the claim's %s): %v", d.ID, d.AfterLastMark, d.Next, d.Block, d.BeforeNextBlock)
				}
				clickSummary(t, b, d.ID)
				if msg := evalIn[string](t, b, fmt.Sprintf("%s(%q)", openedNoteJS, d.ID)); msg != "" {
					t.Errorf("claim %s: clicked its disclosure's summary, but %s", d.ID, msg)
				}
			}
			t.Logf("%d disclosures shown after their claims, each opened by a click", len(ds))
		})
		for _, width := range []int64{390, 1280} {
			t.Run(fmt.Sprintf("note links at %dpx/%s", width, site.name), func(t *testing.T) {
				b.size(t, width, 800)
				b.open(t, base, site.article)
				bad := evalIn[[]string](t, b, `[...document.querySelectorAll('a.claim-ref')].flatMap(a => {
					const h = a.getAttribute('href'), e = h.startsWith('#') && document.getElementById(decodeURIComponent(h.slice(1)));
					return e && e.matches('li.claim-note') && e.getClientRects().length > 0 ? [] : [h];
				}).concat(document.querySelector('a.claim-ref') ? [] : ['(no a.claim-ref on the page)'])`)
				for _, h := range bad {
					t.Errorf("the note reference %s leads to no displayed li.claim-note", h)
				}
			})
		}
	}
}

// clickSummary scrolls the summary of the claim's disclosure into view and
// clicks its middle with the mouse, as a reader would.
func clickSummary(t *testing.T, b *browserTab, id string) {
	t.Helper()
	xy := evalIn[[]float64](t, b, fmt.Sprintf(`(() => { const s = document.querySelector('details.claim-disclosure[data-claim="' + CSS.escape(%q) + '"] > summary');
		s.scrollIntoView({block: 'center'}); const r = s.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; })()`, id))
	b.do(t, chromedp.MouseClickXY(xy[0], xy[1]))
}

// TestBrowserKeyboard presses Tab from the top of each article, with its
// script running, and checks that focus reaches every note reference in
// document order, on a narrow and on a wide screen.
func TestBrowserKeyboard(t *testing.T) {
	b := openBrowser(t, time.Minute)
	for _, site := range []browserSite{siteExample, siteEveryGrade, siteArabic} {
		base, _ := site.serve(t)
		for _, width := range []int64{390, 1280} {
			t.Run(fmt.Sprintf("%dpx/%s", width, site.name), func(t *testing.T) {
				b.size(t, width, 800)
				b.open(t, base, site.article)
				want := evalIn[[]string](t, b, `[...document.querySelectorAll('a.claim-ref')].map(a => a.getAttribute('href'))`)
				if len(want) == 0 {
					t.Fatal("no a.claim-ref on the page")
				}
				// Each focus is recorded in the page: one round trip per
				// batch of key presses rather than one per press.
				limit := evalIn[int](t, b, `document.activeElement.blur(); window.__tabbed = [];
					document.addEventListener('focusin', e => __tabbed.push(e.target.matches('a.claim-ref') ? e.target.getAttribute('href') : e.target.tagName), true);
					document.querySelectorAll('a[href], summary, button, input, select, textarea, [tabindex]').length + 10`)
				var got []string
				presses := 0
				for presses < limit {
					tabs := make([]chromedp.Action[chromedp.Void], 10)
					for i := range tabs {
						tabs[i] = chromedp.KeyEvent(kb.Tab)
					}
					b.do(t, tabs...)
					presses += len(tabs)
					got = evalIn[[]string](t, b, `__tabbed`)
					if refs := refsOf(got); len(refs) >= len(want) {
						break
					}
				}
				refs := refsOf(got)
				if !slices.Equal(refs, want) {
					t.Errorf("after %d presses of Tab, focus reached the note references\n%s\nwant, in document order,\n%s", presses, strings.Join(refs, " "), strings.Join(want, " "))
					return
				}
				t.Logf("%d presses of Tab reached all %d note references in order (%d focus stops)", presses, len(want), len(got))
			})
		}
	}
}

// refsOf keeps the note references of a sequence of focus stops, up to the
// first one focused twice (Tab came round again).
func refsOf(stops []string) []string {
	var refs []string
	for _, s := range stops {
		if !strings.HasPrefix(s, "#") {
			continue
		}
		if slices.Contains(refs, s) {
			break
		}
		refs = append(refs, s)
	}
	return refs
}
