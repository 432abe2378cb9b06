package site

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/chromedp/chromedp"
)

// printed is what TestBrowserPrint reads from a page in print media.
type printed struct {
	Shown []string // margin notes, disclosures and controls that are displayed
	// Unprinted are the review's paragraphs that paper leaves out, such
	// as those folded under "Read the whole review".
	Unprinted []string
	Refs      []struct {
		Href, Text string // the reference's href and visible text, generated brackets included
		Want       string // "[N Grade]" from the endnote it leads to
	}
	Numbers []string // the endnotes' .note-n, in document order
	RTL     bool
}

// printedJS reads a page in print media. The text of a reference is put
// together from its ::before, the text of its nodes that paper shows and
// its ::after: innerText would leave out the generated brackets and keep
// a visually hidden label.
const printedJS = `(() => {
const gen = (e, p) => { const c = getComputedStyle(e, p).content; return c.startsWith('"') ? JSON.parse(c) : ''; };
const one = s => s.replace(/\s+/g, ' ').trim();
const shown = (node, root) => {
  for (let e = node.parentElement; e && e !== root.parentElement; e = e.parentElement) {
    const s = getComputedStyle(e);
    if (s.display === 'none' || s.visibility !== 'visible' || s.clipPath !== 'none' || s.position === 'absolute' && s.clip !== 'auto' ||
        s.overflow !== 'visible' && (e.offsetWidth <= 1 || e.offsetHeight <= 1)) return false;
  }
  return true;
};
const visible = a => { let t = ''; const w = document.createTreeWalker(a, NodeFilter.SHOW_TEXT); for (let n; (n = w.nextNode());) if (shown(n, a)) t += n.data; return t; };
return {
  Shown: [...document.querySelectorAll('.margin-note, .claim-disclosure, .grade-filter-js, .shortcuts, .review-more > summary')].filter(e => e.getClientRects().length > 0)
    .map(e => e.className + ' ' + (e.dataset.claim || e.tagName)),
  Unprinted: [...document.querySelectorAll('.review-summary p')].filter(p => !p.checkVisibility()).map(p => one(p.textContent).slice(0, 40)),
  Refs: [...document.querySelectorAll('a.claim-ref')].map(a => {
    const h = a.getAttribute('href'), note = document.getElementById(decodeURIComponent(h.slice(1)));
    const n = note && note.querySelector('.note-n'), g = note && note.querySelector('.grade');
    return {Href: h, Text: one(gen(a, '::before') + visible(a) + gen(a, '::after')),
      Want: n && g ? '[' + one(n.textContent) + ' ' + one(g.textContent) + ']' : '(no endnote)'};
  }),
  Numbers: [...document.querySelectorAll('li.claim-note')].map(li => { const n = li.querySelector('.note-n'); return n ? n.textContent.trim() : ''; }),
  RTL: getComputedStyle(document.documentElement).direction === 'rtl',
};
})()`

// TestBrowserPrint prints the articles: on paper no margin note,
// disclosure or control of the script shows, the whole review does, each note reference reads "[N Grade]" after the
// endnote it leads to, the endnotes are numbered 1 to n in order, and
// Chromium makes a PDF of the page (whose text pdftotext checks, when it is
// installed).
func TestBrowserPrint(t *testing.T) {
	b := openBrowser(t, time.Minute)
	pdftotext, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Log("pdftotext is not installed (apt-get install poppler-utils): the PDFs are checked for their header only, not their text")
	}
	for _, site := range []browserSite{siteExample, siteEveryGrade, siteArabic} {
		base, _ := site.serve(t)
		t.Run(site.name, func(t *testing.T) {
			b.size(t, 1280, 800)
			b.media(t, "print", "light")
			defer b.media(t, "", "light")
			b.open(t, base, site.article)
			p := evalIn[printed](t, b, printedJS)
			for _, s := range p.Shown {
				t.Errorf("printed, %s is displayed", s)
			}
			for _, s := range p.Unprinted {
				t.Errorf("printed, the review's paragraph %q is left out", s)
			}
			if len(p.Refs) == 0 || len(p.Numbers) == 0 {
				t.Fatalf("%d note references and %d endnotes on the page", len(p.Refs), len(p.Numbers))
			}
			for _, r := range p.Refs {
				if r.Text != r.Want {
					t.Errorf("printed, the reference to %s reads %q, want %q", r.Href, r.Text, r.Want)
				}
			}
			for i, n := range p.Numbers {
				if want := strconv.Itoa(i + 1); n != want {
					t.Errorf("endnote %d is numbered %q, want %q", i+1, n, want)
				}
			}
			t.Logf("printed: %d references read like %s, %d endnotes numbered 1 to %d", len(p.Refs), p.Refs[0].Text, len(p.Numbers), len(p.Numbers))

			pdf, err := chromedp.Run(b.ctx, chromedp.PrintToPDF())
			if err != nil {
				t.Fatalf("print to PDF: %v", err)
			}
			if len(pdf) < 1000 || !bytes.HasPrefix(pdf, []byte("%PDF")) {
				t.Fatalf("the PDF has %d bytes and starts %q", len(pdf), pdf[:min(len(pdf), 8)])
			}
			t.Logf("the PDF has %d bytes", len(pdf))
			if pdftotext == "" {
				return
			}
			file := filepath.Join(t.TempDir(), site.name+".pdf")
			if err := os.WriteFile(file, pdf, 0o644); err != nil {
				t.Fatal(err)
			}
			out, err := exec.Command(pdftotext, "-enc", "UTF-8", file, "-").Output()
			if err != nil {
				t.Fatalf("pdftotext: %v", err)
			}
			missing := missingFromPDF(string(out), p.RTL)
			for _, m := range missing {
				t.Errorf("the PDF's text has no %s:\n%.600s", m, out)
			}
			if len(missing) == 0 {
				t.Logf("the PDF's text (%d bytes, by pdftotext) has the first reference, \"[1 \", and a line starting \"1.\"", len(out))
			}
		})
	}
}

// missingFromPDF says which of the first reference's "[1 " and the first
// endnote's number, a line starting "1.", the text that pdftotext
// extracted lacks. pdftotext writes right-to-left lines in visual order
// between bidi controls, so that "[1 " can come out as "[\u202a 1" and the
// number as ".1": on those pages the controls and spaces go, and either
// order will do.
func missingFromPDF(text string, rtl bool) []string {
	ref, number := strings.Contains(text, "[1 "), false
	for line := range strings.Lines(text) {
		// A form feed starts each page after the first; a short title may
		// come out on a line of its own.
		line = strings.TrimSpace(strings.TrimLeft(line, "\f"))
		number = number || line == "1." || strings.HasPrefix(line, "1. ")
	}
	if rtl {
		text = strings.Map(func(r rune) rune {
			if unicode.Is(unicode.Bidi_Control, r) || r == ' ' {
				return -1
			}
			return r
		}, text)
		ref = strings.Contains(text, "[1") || strings.Contains(text, "1[")
		for line := range strings.Lines(text) {
			line = strings.TrimSpace(line)
			number = number || strings.HasPrefix(line, "1.") || strings.HasSuffix(line, ".1")
		}
	}
	var missing []string
	if !ref {
		missing = append(missing, `the first reference, "[1 "`)
	}
	if !number {
		missing = append(missing, `the first endnote's number, a line starting "1."`)
	}
	return missing
}

// TestMissingFromPDF keeps TestBrowserPrint's reading of pdftotext's
// output honest: it finds the reference and the number where pdftotext
// puts them, left to right and right to left, and misses them when they
// are not there.
func TestMissingFromPDF(t *testing.T) {
	for _, tc := range []struct {
		name    string
		text    string
		rtl     bool
		missing int
	}{
		{name: "left to right", text: "peace talks. [1 Mostly accurate] Two\n\f1. Mostly accurate Russia\n", missing: 0},
		{name: "short title on its own line", text: "in August [1 Accurate] , the\nNotes\n1.\n\nAccurate\n", missing: 0},
		{name: "no brackets", text: "peace talks. 1 Mostly accurate Two\n1. Mostly accurate\n", missing: 1},
		{name: "no endnote number", text: "peace talks. [1 Mostly accurate] Two\nin 1952. The\n", missing: 1},
		{name: "right to left, visual", text: "\u202bالعذبة [\u202a 1\u202cدقيق]\u202c\n\u202b\u202a.1\u202c\u202c\n", rtl: true, missing: 0},
		{name: "right to left, nothing", text: "\u202bالعذبة دقيق\u202c\n", rtl: true, missing: 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := missingFromPDF(tc.text, tc.rtl); len(got) != tc.missing {
				t.Errorf("missing %q, want %d missing", got, tc.missing)
			}
		})
	}
}
