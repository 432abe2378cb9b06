package site

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/scholia/scholia/generator/internal/chromium"
	"golang.org/x/text/unicode/norm"
)

// scriptClaim is one entry of claims/index.json, the index that the search
// of the claims page fetches.
type scriptClaim struct {
	ID, Claim, Quote, Claimant, Grade, Label, Tone, Article, URL string
}

// TestBrowserScript drives the theme's scholia.js in headless Chromium on
// the example site, at a wide and at a narrow viewport: the popover of a
// claim's note, the j/k keys, the grade filter of the legend and the search
// of the claims page, with no console error and no request that leaves the
// site. It says plainly when Chromium is missing.
func TestBrowserScript(t *testing.T) {
	if os.Getenv("SCHOLIA_PAGE_CHECKS") == "" {
		t.Skip("run by make test-html, which sets SCHOLIA_PAGE_CHECKS=1")
	}
	chrome := chromium.Find()
	if chrome == "" {
		t.Skip("SKIPPED the browser test of scholia.js: chromium is not installed")
	}
	out := build(t, exampleFS, Options{})
	if _, err := os.Stat(filepath.Join(out, "assets", "scholia.js")); err != nil {
		t.Fatalf("the build has no assets/scholia.js (templates/assets/scholia.js): %v", err)
	}
	raw, err := os.ReadFile(filepath.Join(out, "claims", "index.json"))
	if err != nil {
		t.Fatalf("the build has no claims/index.json, which the search of /claims/ fetches (data-index of form.claim-search): %v", err)
	}
	var claims []scriptClaim
	if err := json.Unmarshal(raw, &claims); err != nil || len(claims) == 0 {
		t.Fatalf("claims/index.json is not a non-empty array of claims: %v", err)
	}
	byID := map[string]scriptClaim{}
	for _, c := range claims {
		byID[c.ID] = c
	}
	// The article of the first claim, and its claims in document order.
	articlePath, _, _ := strings.Cut(claims[0].URL, "#")
	page, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(strings.Trim(articlePath, "/")), "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	var order []string
	for _, m := range regexp.MustCompile(`<mark\b[^>]*\sid="claim-([^"]+)"`).FindAllStringSubmatch(string(page), -1) {
		order = append(order, m[1])
	}
	if len(order) < 3 {
		t.Fatalf("%s has %d claims; the test of j/k needs 3", articlePath, len(order))
	}
	word, only := scriptUniqueWord(claims)
	if word == "" {
		t.Fatal("no word of a claim's text appears in exactly one claim of claims/index.json")
	}

	srv := httptest.NewServer(http.FileServer(http.Dir(out)))
	defer srv.Close()
	ctx, stop := chromium.Start(chrome, t.TempDir(), 1280, 800)
	defer stop()
	ctx, cancel := context.WithTimeout(ctx, 3*time.Minute)
	defer cancel()
	b := &scriptBrowser{ctx: ctx}
	if err := chromedp.Listen(ctx, b.listen(srv.URL)); err != nil {
		t.Fatal(err)
	}

	for _, size := range [][2]int{{1280, 800}, {390, 800}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			b.t = t
			b.do(chromedp.EmulateViewport(int64(size[0]), int64(size[1])))
			b.open(srv.URL + articlePath)
			if w := scriptEval[int](b, `innerWidth`); w != size[0] {
				t.Fatalf("the viewport is %d wide, not %d", w, size[0])
			}
			t.Logf("margin notes shown: %v", scriptEval[bool](b, `[...document.querySelectorAll('.margin-note')].some(n => n.offsetParent !== null)`))
			if scriptEval[bool](b, `document.querySelector('.claim-legend .shortcuts').hidden`) {
				t.Error("the shortcuts of the legend are still hidden")
			}
			strs := scriptEval[map[string]string](b, `JSON.parse(document.getElementById('scholia-strings').textContent)`)

			// The popover of each claim: a click on its first mark opens
			// it, Esc closes it and focuses the claim's note reference.
			for _, id := range order {
				b.do(chromedp.Click(chromedp.CSS("#claim-" + id)))
				b.wait("a popover for "+id, `document.querySelectorAll('.note-popover').length === 1`)
				text := scriptEval[string](b, `document.querySelector('.note-popover').textContent`)
				if label := byID[id].Label; label == "" || !strings.Contains(text, label) {
					t.Errorf("the popover of %s does not say its grade %q: %q", id, label, scriptShorten(text))
				}
				if !scriptEval[bool](b, `(p => p.getAttribute('role') === 'dialog' && p.getAttribute('aria-modal') === 'false' &&
					document.getElementById(p.getAttribute('aria-labelledby'))?.closest('.note-popover') === p)(document.querySelector('.note-popover'))`) {
					t.Errorf("the popover of %s is not a non-modal dialog labelled by its own title", id)
				}
				if scriptEval[bool](b, `[...document.querySelectorAll('.note-popover [id], .note-popover .back')].some(e => e.id !== 'scholia-popover-title')`) {
					t.Errorf("the popover of %s copies an id or the back link of its endnote", id)
				}
				if got := scriptEval[string](b, `document.activeElement.closest('.note-popover') ? document.activeElement.textContent : ''`); got != strs["close"] {
					t.Errorf("the focus is not on the popover's close button labelled %q: %q", strs["close"], got)
				}
				b.do(chromedp.KeyEvent(kb.Escape))
				b.wait("Esc closes the popover of "+id, `document.querySelectorAll('.note-popover').length === 0`)
				if got := scriptFocus(b); got != "#note-"+id {
					t.Errorf("after Esc on the popover of %s, the focus is on %q", id, got)
				}
			}
			b.do(chromedp.Click(chromedp.CSS("#claim-" + order[0])))
			b.wait("a popover", `document.querySelectorAll('.note-popover').length === 1`)
			b.do(chromedp.Click(chromedp.CSS("h1")))
			b.wait("a click outside closes the popover", `document.querySelectorAll('.note-popover').length === 0`)
			// A note reference and a link inside a mark keep their default.
			b.do(chromedp.Click(chromedp.CSS(`a.claim-ref[href="#note-` + order[0] + `"]`)))
			if got := scriptEval[string](b, `location.hash + ' ' + document.querySelectorAll('.note-popover').length`); got != "#note-"+order[0]+" 0" {
				t.Errorf("a click on the note reference of %s gives (hash, popovers) %q", order[0], got)
			}
			b.do(chromedp.Evaluate[chromedp.Void](`document.querySelector('#claim-` + order[1] + `').prepend(Object.assign(document.createElement('a'), {href: '#scholia-test-link', textContent: 'link'}))`))
			b.do(chromedp.Click(chromedp.CSS(`#claim-` + order[1] + ` a`)))
			if got := scriptEval[string](b, `location.hash + ' ' + document.querySelectorAll('.note-popover').length`); got != "#scholia-test-link 0" {
				t.Errorf("a click on a link inside the mark of %s gives (hash, popovers) %q", order[1], got)
			}

			// j j j k: the second claim in document order.
			b.open(srv.URL + articlePath)
			b.do(chromedp.KeyEvent("jjjk"))
			if got := scriptFocus(b); got != "#note-"+order[1] {
				t.Errorf("after j j j k, the focus is on %q, not on the note reference of the second claim %s", got, order[1])
			}
			if !scriptEval[bool](b, fmt.Sprintf(`[...document.querySelectorAll('mark.claim.current')].every(m => m.dataset.claim === %q) && document.querySelector('#claim-%s.current') !== null`, order[1], order[1])) {
				t.Errorf("the marks of %s are not the only ones with class current", order[1])
			}

			// The grade filter: a button per legend entry, and "all".
			legend := scriptEval[[]string](b, `[...document.querySelectorAll('.claim-legend ul li[data-rating]')].map(li => li.dataset.rating)`)
			buttons := scriptEval[[]string](b, `[...document.querySelectorAll('.claim-legend .grade-filter-js[role=group] button')].map(b => b.textContent)`)
			if len(legend) == 0 || len(buttons) != len(legend)+1 || buttons[len(buttons)-1] != strs["all"] {
				t.Fatalf("the legend's grades %q got the buttons %q", legend, buttons)
			}
			grade := legend[len(legend)-1]
			for _, c := range claims {
				if c.Grade == grade && buttons[len(legend)-1] != c.Label {
					t.Errorf("the button of %s says %q, not %q", grade, buttons[len(legend)-1], c.Label)
					break
				}
			}
			b.do(chromedp.Click(chromedp.CSS(fmt.Sprintf(".grade-filter-js button:nth-of-type(%d)", len(legend)))))
			if !scriptEval[bool](b, fmt.Sprintf(`document.body.classList.contains('filtering') && document.querySelector('mark.claim.shown') !== null &&
				[...document.querySelectorAll('mark.claim')].every(m => m.classList.contains('shown') === (m.dataset.rating === %q))`, grade)) {
				t.Errorf("pressing %s does not leave exactly the marks of that grade shown", grade)
			}
			if got := scriptEval[string](b, fmt.Sprintf(`document.querySelector('.grade-filter-js button:nth-of-type(%d)').getAttribute('aria-pressed')`, len(legend))); got != "true" {
				t.Errorf("the pressed button has aria-pressed=%q", got)
			}
			b.do(chromedp.Click(chromedp.CSS(".grade-filter-js button:last-of-type")))
			if !scriptEval[bool](b, `!document.body.classList.contains('filtering') && document.querySelector('mark.claim.shown') === null &&
				[...document.querySelectorAll('.grade-filter-js button[data-rating]')].every(b => b.getAttribute('aria-pressed') === 'false')`) {
				t.Error(`"all" does not clear the filter`)
			}
			// The dev server's morph drops what the script added, then
			// tells it so.
			b.do(chromedp.Evaluate[chromedp.Void](`document.querySelector('.grade-filter-js').remove(); document.querySelector('.claim-legend .shortcuts').hidden = true;
				document.dispatchEvent(new CustomEvent('scholia:morphed'))`))
			if !scriptEval[bool](b, `document.querySelectorAll('.grade-filter-js').length === 1 && !document.querySelector('.claim-legend .shortcuts').hidden`) {
				t.Error("after scholia:morphed, the legend has no buttons or its shortcuts are hidden")
			}
			b.check(articlePath)

			// The search of the claims page.
			b.open(srv.URL + "/claims/")
			if scriptEval[bool](b, `document.querySelector('form.claim-search').hidden`) {
				t.Fatal("the search form of /claims/ is still hidden")
			}
			input := chromedp.CSS("#claim-search-input")
			b.do(chromedp.Click(input), chromedp.SendKeys(input, scriptAccented(word)))
			b.wait("one result for "+word, `document.querySelectorAll('.search-results li').length === 1`)
			if got := scriptEval[string](b, `document.querySelector('.search-results li a').getAttribute('href')`); got != only.URL {
				t.Errorf("the result for %q links to %q, not %q", word, got, only.URL)
			}
			if got, want := scriptEval[string](b, `document.querySelector('.search-status').textContent`), strings.ReplaceAll(strs["found"], "{n}", "1"); got != want {
				t.Errorf("the status for one result is %q, not %q", got, want)
			}
			b.do(chromedp.Evaluate[chromedp.Void](`document.querySelector('#claim-search-input').value = ''`), chromedp.SendKeys(input, "qzxjvwq"))
			b.wait("the none status", fmt.Sprintf(`document.querySelector('.search-status').textContent === %q && document.querySelectorAll('.search-results li').length === 0`, strs["none"]))
			b.do(chromedp.Evaluate[chromedp.Void](`window.__scholiaTest = 'same page'`), chromedp.KeyEvent(kb.Enter), chromedp.Sleep(300*time.Millisecond))
			b.wait("the page after Enter", `document.readyState === 'complete'`)
			if got := scriptEval[string](b, `String(window.__scholiaTest) + ' ' + location.href`); got != "same page "+srv.URL+"/claims/" {
				t.Errorf("Enter in the search submits the form: (window, address) %q", got)
			}
			b.do(chromedp.Evaluate[chromedp.Void](`document.querySelector('form.claim-search').hidden = true; document.dispatchEvent(new CustomEvent('scholia:morphed'))`))
			if scriptEval[bool](b, `document.querySelector('form.claim-search').hidden`) {
				t.Error("after scholia:morphed, the search form is hidden")
			}
			b.do(chromedp.SendKeys(input, "x"))
			b.wait("the none status after a morph", fmt.Sprintf(`document.querySelector('.search-status').textContent === %q`, strs["none"]))
			if n := b.requests("/claims/index.json"); n != 1 {
				t.Errorf("the claims page fetched claims/index.json %d times, not once", n)
			}
			b.check("/claims/")
		})
	}
}

// TestScriptHasNoWords checks that scholia.js shows no English of its own:
// its words come from the page's #scholia-strings, in the site's language.
func TestScriptHasNoWords(t *testing.T) {
	src, err := os.ReadFile("../../templates/assets/scholia.js")
	if err != nil {
		t.Fatal(err)
	}
	for _, word := range []string{"Close", "Search", "claims found", "Claims found", "All grades", "No claim", "Show claims"} {
		if strings.Contains(string(src), word) {
			t.Errorf("scholia.js contains %q: take the words from #scholia-strings", word)
		}
	}
	// Outside comments, no string literal is a phrase: words of letters
	// and spaces only (selectors and names have dots, dashes or brackets).
	code := regexp.MustCompile(`(?s)/\*.*?\*/|(?m)^\s*//.*$`).ReplaceAllString(string(src), "")
	phrase := regexp.MustCompile(`^['"]\s*\pL+(\s+\pL+)+[\s.,:;!?]*['"]$`)
	for _, lit := range regexp.MustCompile(`'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"`).FindAllString(code, -1) {
		if phrase.MatchString(lit) && lit != "'use strict'" {
			t.Errorf("scholia.js has the words %s: take them from #scholia-strings", lit)
		}
	}
}

// scriptUniqueWord returns a word of a claim's text that, as the script
// compares words, is in exactly one claim (its text, quote, claimant or
// article), and that claim.
func scriptUniqueWord(claims []scriptClaim) (string, scriptClaim) {
	texts := make([]string, len(claims))
	for i, c := range claims {
		texts[i] = scriptFold(strings.Join([]string{c.Claim, c.Quote, c.Claimant, c.Article}, " "))
	}
	for _, c := range claims {
		for _, w := range strings.FieldsFunc(c.Claim, func(r rune) bool { return !unicode.IsLetter(r) }) {
			if len(w) < 6 {
				continue
			}
			n := 0
			for _, text := range texts {
				if strings.Contains(text, scriptFold(w)) {
					n++
				}
			}
			if n == 1 {
				return w, c
			}
		}
	}
	return "", scriptClaim{}
}

// scriptFold is the script's fold: NFD, no combining marks, lower case.
func scriptFold(s string) string {
	return strings.ToLower(strings.Map(func(r rune) rune {
		if unicode.Is(unicode.M, r) {
			return -1
		}
		return r
	}, norm.NFD.String(s)))
}

// scriptAccented writes word as a reader might: capitalised, with an accent
// on its first a or e, which the search must ignore.
func scriptAccented(word string) string {
	w := []rune(strings.ToLower(word))
	for i, r := range w {
		if r == 'a' || r == 'e' {
			w[i] = map[rune]rune{'a': 'á', 'e': 'é'}[r]
			break
		}
	}
	w[0] = unicode.ToUpper(w[0])
	return string(w)
}

func scriptShorten(s string) string {
	if len(s) > 200 {
		return s[:200] + "…"
	}
	return s
}

// scriptBrowser is the tab of TestBrowserScript, with what the page logged
// and requested since the last check.
type scriptBrowser struct {
	t   *testing.T
	ctx context.Context

	mu      sync.Mutex
	errors  []string
	foreign []string
	fetched map[string]int
}

// listen returns the listener of the tab's events: console errors,
// exceptions, error entries of the browser log, and requests.
func (b *scriptBrowser) listen(origin string) func(ev any) {
	return func(ev any) {
		b.mu.Lock()
		defer b.mu.Unlock()
		switch ev := ev.(type) {
		case *runtime.EventExceptionThrown:
			d := ev.ExceptionDetails
			msg := d.Text
			if d.Exception != nil {
				msg += " " + d.Exception.Description
			}
			b.errors = append(b.errors, fmt.Sprintf("exception at %s:%d: %s", d.URL, d.LineNumber+1, msg))
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
				var args []string
				for _, a := range ev.Args {
					args = append(args, string(a.Value)+a.Description)
				}
				b.errors = append(b.errors, fmt.Sprintf("console.%s: %s", ev.Type, strings.Join(args, " ")))
			}
		case *log.EventEntryAdded:
			// Chromium asks for /favicon.ico of its own accord; the example
			// site has none, and that 404 is not the page's error.
			if ev.Entry.Level == log.EntryLevelError && ev.Entry.URL != origin+"/favicon.ico" {
				b.errors = append(b.errors, fmt.Sprintf("log (%s): %s %s", ev.Entry.Source, ev.Entry.Text, ev.Entry.URL))
			}
		case *network.EventRequestWillBeSent:
			u := ev.Request.URL
			if strings.HasPrefix(u, origin+"/") {
				if b.fetched == nil {
					b.fetched = map[string]int{}
				}
				b.fetched[strings.TrimPrefix(u, origin)]++
			} else if !strings.HasPrefix(u, "data:") && !strings.HasPrefix(u, "about:") {
				b.foreign = append(b.foreign, u)
			}
		}
	}
}

// open loads url afresh and forgets what earlier pages logged and requested
// (check reports those first).
func (b *scriptBrowser) open(url string) {
	b.t.Helper()
	b.do(chromedp.Navigate(url))
	b.wait("the page "+url, `document.readyState === 'complete'`)
}

// check fails the test for each console error and each request outside the
// test server since the last check, then forgets them.
func (b *scriptBrowser) check(page string) {
	b.t.Helper()
	chromedp.Run(b.ctx, chromedp.Sleep(100*time.Millisecond)) // let late events arrive
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, e := range b.errors {
		b.t.Errorf("%s: %s", page, e)
	}
	for _, u := range b.foreign {
		b.t.Errorf("%s requested %s, outside the site", page, u)
	}
	b.errors, b.foreign, b.fetched = nil, nil, nil
}

// requests says how many times the page requested path since the last check.
func (b *scriptBrowser) requests(path string) int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.fetched[path]
}

func (b *scriptBrowser) do(actions ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	if err := chromedp.Do(b.ctx, actions...); err != nil {
		b.t.Fatal(err)
	}
}

// wait evaluates expr until it is true, for at most ten seconds.
func (b *scriptBrowser) wait(what, expr string) {
	b.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		ok, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](expr))
		if err == nil && ok {
			return
		}
		if time.Now().After(deadline) || b.ctx.Err() != nil {
			b.t.Fatalf("%s: timed out (last error %v)", what, err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func scriptEval[T any](b *scriptBrowser, expr string) T {
	b.t.Helper()
	v, err := chromedp.Run(b.ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		b.t.Fatalf("%s: %v", expr, err)
	}
	return v
}

// scriptFocus returns the href of the focused element ("" for none).
func scriptFocus(b *scriptBrowser) string {
	return scriptEval[string](b, `(document.activeElement && document.activeElement.matches('a.claim-ref') && document.activeElement.getAttribute('href')) || (document.activeElement ? document.activeElement.tagName : '')`)
}
