package site

import (
	"context"
	"fmt"
	"io/fs"
	"math"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/scholia/scholia/generator/internal/chromium"
)

// browserSite is a test site that the browser tests open in Chromium.
type browserSite struct {
	name    string
	archive string // a txtar of testdata; "" is the example site at the repository's root
	noYAML  bool   // the archive without its site.yaml: a site of defaults only
	article string // the URL path of its annotated article
}

var (
	siteExample    = browserSite{name: "example", article: "/articles/russia-taliban-arms/"}
	siteEveryGrade = browserSite{name: "every-grade", archive: "every-grade.txtar", article: "/articles/dry-summer/"}
	siteArabic     = browserSite{name: "arabic", archive: "arabic-site.txtar", article: "/articles/desalination/"}
	siteSmall      = browserSite{name: "small", archive: "small-site.txtar", article: "/articles/moon/"}
	siteDefaults   = browserSite{name: "no-site-yaml", archive: "small-site.txtar", noYAML: true, article: "/articles/moon/"}
)

// serve builds the site and serves it on loopback for the rest of the
// test; it returns the server's address and the URL path of every page,
// sorted, 404.html included.
func (s browserSite) serve(t *testing.T) (base string, pages []string) {
	t.Helper()
	var fsys fs.FS = exampleFS
	opts := Options{}
	if s.archive != "" {
		m := archiveFS(t, s.archive)
		if s.noYAML {
			// As the command line does, the site is named after its folder.
			delete(m, "site.yaml")
			opts.Name = strings.TrimSuffix(s.archive, ".txtar")
		}
		fsys = m
	}
	out := build(t, fsys, opts)
	srv := httptest.NewServer(http.FileServer(http.Dir(out)))
	t.Cleanup(srv.Close)
	for name := range readTree(t, out) {
		if strings.HasSuffix(name, ".html") {
			pages = append(pages, "/"+strings.TrimSuffix(name, "index.html"))
		}
	}
	slices.Sort(pages)
	if !slices.Contains(pages, s.article) {
		t.Fatalf("site %s has no page %s (pages: %v)", s.name, s.article, pages)
	}
	return srv.URL, pages
}

// browserTab is one headless Chromium tab, shared by the subtests of a
// test; its methods take the subtest's t so that a failure is its own.
type browserTab struct{ ctx context.Context }

// openBrowser starts headless Chromium for the rest of the test, or skips
// the test, saying why: not run by make test-html, or no Chromium.
func openBrowser(t *testing.T, timeout time.Duration) *browserTab {
	t.Helper()
	if os.Getenv("SCHOLIA_PAGE_CHECKS") == "" {
		t.Skip("run by make test-html, which sets SCHOLIA_PAGE_CHECKS=1")
	}
	exe := chromium.Find()
	if exe == "" {
		t.Skip("SKIPPED the browser check: chromium is not installed")
	}
	ctx, stop := chromium.Start(exe, t.TempDir(), 1280, 800)
	ctx, cancel := context.WithTimeout(ctx, timeout)
	t.Cleanup(func() { cancel(); stop() })
	return &browserTab{ctx: ctx}
}

// do runs actions, failing t on error.
func (b *browserTab) do(t *testing.T, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(b.ctx, actions...); err != nil {
		t.Fatal(err)
	}
}

// size sets the viewport, as a window of that size would have it.
func (b *browserTab) size(t *testing.T, width, height int64) {
	t.Helper()
	b.do(t, chromedp.EmulateViewport(width, height))
}

// media emulates a media type ("" for the screen) and a colour scheme.
func (b *browserTab) media(t *testing.T, media, scheme string) {
	t.Helper()
	_, err := chromedp.Call(b.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Media: media, Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
	})
	if err != nil {
		t.Fatal(err)
	}
}

// open loads the page at base + path (path unescaped), scrolled to the top.
func (b *browserTab) open(t *testing.T, base, path string) {
	t.Helper()
	b.do(t, chromedp.Navigate(base+(&url.URL{Path: path}).EscapedPath()), chromedp.Evaluate[chromedp.Void](`scrollTo(0, 0)`))
}

// evalIn evaluates expr in b's page and decodes its value, failing t on
// error.
func evalIn[T any](t *testing.T, b *browserTab, expr string, opts ...chromedp.EvaluateOption) T {
	t.Helper()
	v, err := chromedp.Run(b.ctx, chromedp.Evaluate[T](expr, opts...))
	if err != nil {
		t.Fatalf("%.80s...: %v", expr, err)
	}
	return v
}

// pageBox is an element's border box in page coordinates (CSS px), with its
// block margins and computed display.
type pageBox struct {
	Top, Bottom, Left, Right float64
	MarginTop, MarginBottom  float64
	Display                  string
}

// boxJS defines pageBox(e) in the page: the script's half of type pageBox.
const boxJS = `const px = v => parseFloat(v) || 0;
const pageBox = e => { const r = e.getBoundingClientRect(), s = getComputedStyle(e);
  return {Top: r.top + scrollY, Bottom: r.bottom + scrollY, Left: r.left + scrollX, Right: r.right + scrollX,
    MarginTop: px(s.marginTop), MarginBottom: px(s.marginBottom), Display: s.display}; };`

// noteGeometry is what TestBrowserLayout measures on an article page.
type noteGeometry struct {
	RTL                     bool
	Viewport                float64 // the width of the viewport without a scroll bar
	ColumnLeft, ColumnRight float64 // the content box of .article-body
	Claims                  []struct {
		ID         string
		Notes      int     // margin notes with this claim's data-claim
		LineHeight float64 // the computed line height at the claim's first mark
		// Mark is the first mark, or for a claim in a table the table,
		// which its margin note stands beside; Note is the (first)
		// margin note.
		Mark, Note pageBox
	}
}

// claimIDsJS lists the page's claims in the order of their first marks,
// and defines sel(what, id), a selector of what with the claim's id.
const claimIDsJS = `const body = document.querySelector('.article-body'), ids = [];
for (const m of body.querySelectorAll('mark.claim')) if (!ids.includes(m.dataset.claim)) ids.push(m.dataset.claim);
const sel = (what, id) => what + '[data-claim="' + CSS.escape(id) + '"]';`

const geometryJS = `(() => { ` + boxJS + claimIDsJS + `
const s = getComputedStyle(body), r = body.getBoundingClientRect();
return {RTL: s.direction === 'rtl', Viewport: document.documentElement.clientWidth,
  ColumnLeft: r.left + scrollX + px(s.borderLeftWidth) + px(s.paddingLeft),
  ColumnRight: r.right + scrollX - px(s.borderRightWidth) - px(s.paddingRight),
  Claims: ids.map(id => {
    const mark = document.getElementById('claim-' + id), ms = getComputedStyle(mark);
    const notes = body.querySelectorAll(sel('.margin-note', id));
    return {ID: id, Notes: notes.length, LineHeight: px(ms.lineHeight) || 1.6 * px(ms.fontSize),
      Mark: pageBox(mark.closest('table') || mark), Note: notes.length ? pageBox(notes[0]) : null};
  })};
})()`

// TestBrowserLayout measures the pages in headless Chromium: at 1280 px
// every margin note beside its claim, in order, none over another and all
// outside the text column on the inline-end side (DESIGN section 7); the
// text of the example article starting above the fold; and at 320 px no
// page of three sites scrolling sideways.
func TestBrowserLayout(t *testing.T) {
	b := openBrowser(t, 2*time.Minute)
	for _, site := range []browserSite{siteExample, siteEveryGrade, siteArabic} {
		base, pages := site.serve(t)
		t.Run("margin notes/"+site.name, func(t *testing.T) {
			b.size(t, 1280, 800)
			b.open(t, base, site.article)
			checkMarginNotes(t, evalIn[noteGeometry](t, b, geometryJS))
		})
		if site == siteExample {
			// The reader sees the reviewed text without scrolling, below
			// the review and the legend.
			t.Run("fold at 1280x800/"+site.name, func(t *testing.T) {
				b.size(t, 1280, 800)
				b.open(t, base, site.article)
				y := evalIn[float64](t, b, `(() => { const p = document.querySelector('.article-body > p'); return p ? p.getBoundingClientRect().top : -1; })()`)
				t.Logf("the first paragraph of the text starts at y = %.0f px", y)
				if y < 0 || y >= 800 {
					t.Errorf("the first paragraph of .article-body starts at y = %.0f, not above the fold (800 px)", y)
				}
			})
		}
		t.Run("no sideways scroll at 320px/"+site.name, func(t *testing.T) {
			b.size(t, 320, 800)
			fit := 0
			for _, p := range pages {
				b.open(t, base, p)
				if wide := evalIn[string](t, b, overflowJS); wide != "" {
					t.Errorf("%s scrolls sideways at 320 px: %s", p, wide)
					continue
				}
				fit++
			}
			t.Logf("%d of %d pages fit 320 px", fit, len(pages))
		})
	}
}

// overflowJS says how far the page is wider than the viewport, and which
// elements stick out most on the side that scrolls (the inline end), or ""
// when it fits.
const overflowJS = `(() => { const d = document.documentElement, w = d.clientWidth;
if (d.scrollWidth <= w) return '';
const out = getComputedStyle(d).direction === 'rtl' ? r => -r.left : r => r.right - w;
const wide = [...document.body.querySelectorAll('*')].map(e => [e, e.getBoundingClientRect()])
  .filter(([e, r]) => r.width > 0 && out(r) > 0.5).sort((a, b) => out(b[1]) - out(a[1])).slice(0, 3)
  .map(([e, r]) => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).split(' ')[0] : '') + ' [' + Math.round(r.left) + ', ' + Math.round(r.right) + ']');
return 'scrollWidth ' + d.scrollWidth + ' > clientWidth ' + w + '; widest: ' + wide.join(', ');
})()`

// checkMarginNotes checks the margin notes of g: each displayed, within a
// line of its claim's first mark or stacked right under the note before
// it, none overlapping another, all beside the text column on the
// inline-end side and inside the viewport.
func checkMarginNotes(t *testing.T, g noteGeometry) {
	t.Helper()
	if len(g.Claims) == 0 {
		t.Fatal("no claims on the page")
	}
	const slack = 0.5           // sub-pixel rounding of layout
	var farthest, drift float64 // the farthest note within a line; the farthest below its claim
	var farthestID, driftID string
	within, stacked := 0, 0
	for i, c := range g.Claims {
		if c.Notes != 1 || c.Note.Display == "none" || c.Note.Right-c.Note.Left <= 0 {
			t.Errorf("claim %s: %d margin notes, display %q, width %.0f; want one displayed", c.ID, c.Notes, c.Note.Display, c.Note.Right-c.Note.Left)
			continue
		}
		n := c.Note
		dist := math.Abs(n.Top - c.Mark.Top)
		if d := n.Top - c.Mark.Top; d > drift {
			drift, driftID = d, c.ID
		}
		// A float clears the one before it by their margins, so a stacked
		// note's margin box starts where the last one's ends.
		gap := math.NaN()
		if i > 0 {
			prev := g.Claims[i-1].Note
			gap = (n.Top - n.MarginTop) - (prev.Bottom + prev.MarginBottom)
			if n.Top < prev.Top {
				t.Errorf("claims %s and %s: their margin notes are out of order (tops %.0f and %.0f)", g.Claims[i-1].ID, c.ID, prev.Top, n.Top)
			}
		}
		switch {
		case dist <= c.LineHeight:
			within++
			if dist > farthest {
				farthest, farthestID = dist, c.ID
			}
		case gap >= -slack && gap <= 2 && n.Top >= c.Mark.Top-c.LineHeight:
			stacked++
		default:
			t.Errorf("claim %s: its note's top is %.1f px from the claim's (line height %.1f) and %.1f px below the previous note's bottom; want within a line of the claim, or stacked (0 to 2 px) and not above it",
				c.ID, n.Top-c.Mark.Top, c.LineHeight, gap)
		}
		for _, o := range g.Claims[:i] {
			if o.Notes > 0 && n.Left < o.Note.Right && o.Note.Left < n.Right && n.Top < o.Note.Bottom && o.Note.Top < n.Bottom {
				t.Errorf("the margin notes of %s and %s overlap", o.ID, c.ID)
			}
		}
		outside := n.Left >= g.ColumnRight-slack && n.Right <= g.Viewport+slack
		if g.RTL {
			outside = n.Right <= g.ColumnLeft+slack && n.Left >= -slack
		}
		if !outside {
			t.Errorf("claim %s: its note spans x %.0f to %.0f; the text column is %.0f to %.0f and the viewport 0 to %.0f (rtl %v): want it beside the column on the inline-end side, inside the viewport",
				c.ID, n.Left, n.Right, g.ColumnLeft, g.ColumnRight, g.Viewport, g.RTL)
		}
	}
	t.Logf("%d margin notes (rtl %v): %d within a line of their claim (the farthest, %s, %.1f px), %d stacked under the one before; the farthest below its claim is %s's, %.0f px",
		len(g.Claims), g.RTL, within, farthestID, farthest, stacked, driftID, drift)
	if testing.Verbose() {
		var b strings.Builder
		for _, c := range g.Claims {
			fmt.Fprintf(&b, " %s: claim %.0f, note %.0f-%.0f;", c.ID, c.Mark.Top, c.Note.Top, c.Note.Bottom)
		}
		t.Log("tops:" + b.String())
	}
}
