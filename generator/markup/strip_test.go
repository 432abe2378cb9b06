package markup

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/scholia/scholia/generator/internal/contract"
)

// isClaimMark reports whether a start tag token is <mark class="claim">.
func isClaimMark(t html.Token) (id string, ok bool) {
	if t.Data != "mark" {
		return "", false
	}
	for _, a := range t.Attr {
		if a.Key == "class" && slices.Contains(strings.Fields(a.Val), "claim") {
			ok = true
		}
		if a.Key == "data-claim" {
			id = a.Val
		}
	}
	return id, ok
}

func hasAttr(t html.Token, key string) bool {
	return slices.ContainsFunc(t.Attr, func(a html.Attribute) bool { return a.Key == key })
}

var voidElements = map[string]bool{
	"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true, "img": true,
	"input": true, "link": true, "meta": true, "source": true, "track": true, "wbr": true,
}

// Strip is contract.Strip on strings: what DESIGN.md section 7 says gives
// back the unannotated HTML.
func Strip(s string) (string, error) {
	b, err := contract.Strip([]byte(s))
	return string(b), err
}

// checkNesting reports the first element closed out of order, a mark left
// open or closed by another element's end tag, or a link in a link.
//
// With strict unset (the plain HTML has raw HTML fragments), an end tag
// that closes nothing is ignored, one that closes elements above its own
// closes them (as an HTML parser does) unless one is a mark, and elements
// other than marks may stay open at the end. Links are checked apart from
// the stack, strict or not, as an HTML parser sees them: an <a> start tag
// while a link is open (its </a> not seen yet, wherever that </a> stands)
// is an error, so a relaxed stack never hides a link in a link.
func checkNesting(s string, strict bool) error {
	z := html.NewTokenizer(strings.NewReader(s))
	var stack []string
	inLink := false
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			if !errors.Is(z.Err(), io.EOF) {
				return z.Err()
			}
			if len(stack) > 0 && (strict || slices.Contains(stack, "mark")) {
				return fmt.Errorf("unclosed %v", stack)
			}
			return nil
		case html.StartTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			if string(name) == "a" {
				if inLink {
					return fmt.Errorf("<a> inside <a>: %v", stack)
				}
				inLink = true
			}
			if tt == html.StartTagToken && !voidElements[string(name)] {
				stack = append(stack, string(name))
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			if string(name) == "a" {
				inLink = false
			}
			if len(stack) > 0 && stack[len(stack)-1] == string(name) {
				stack = stack[:len(stack)-1]
				continue
			}
			if strict || string(name) == "mark" {
				return fmt.Errorf("</%s> closes %v", name, stack)
			}
			i := len(stack) - 1
			for i >= 0 && stack[i] != string(name) {
				i--
			}
			if i >= 0 {
				if slices.Contains(stack[i+1:], "mark") {
					return fmt.Errorf("</%s> closes a mark: %v", name, stack)
				}
				stack = stack[:i]
			}
		}
	}
}

// markTexts returns the text content of each claim's marks, concatenated in
// document order, and the number of marks and refs of each claim.
func markTexts(s string) (texts map[string]string, marks, refs map[string]int, firstIDs map[string]int) {
	texts, marks, refs, firstIDs = map[string]string{}, map[string]int{}, map[string]int{}, map[string]int{}
	z := html.NewTokenizer(strings.NewReader(s))
	var open []string // claim id per open <mark>, "" for others
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return
		case html.StartTagToken:
			tok := z.Token()
			if tok.Data == "a" && hasAttr(tok, "data-annot") {
				for _, a := range tok.Attr {
					if a.Key == "href" {
						refs[strings.TrimPrefix(a.Val, "#note-")]++
					}
				}
			}
			if tok.Data != "mark" {
				continue
			}
			id, ok := isClaimMark(tok)
			if !ok {
				id = ""
			} else {
				marks[id]++
				for _, a := range tok.Attr {
					if a.Key == "id" && a.Val == "claim-"+id {
						firstIDs[id] = marks[id]
					}
				}
			}
			open = append(open, id)
		case html.EndTagToken:
			if name, _ := z.TagName(); string(name) == "mark" && len(open) > 0 {
				open = open[:len(open)-1]
			}
		case html.TextToken:
			t := string(z.Text())
			seen := map[string]bool{}
			for _, id := range open {
				if id != "" && !seen[id] {
					seen[id] = true
					texts[id] += t
				}
			}
		}
	}
}

// footnoteIDs returns the id attributes in s.
func footnoteIDs(s string) map[string]bool {
	ids := map[string]bool{}
	z := html.NewTokenizer(strings.NewReader(s))
	for tt := z.Next(); tt != html.ErrorToken; tt = z.Next() {
		for _, a := range z.Token().Attr {
			if a.Key == "id" {
				ids[a.Val] = true
			}
		}
	}
	return ids
}

func TestCheckNesting(t *testing.T) {
	tests := []struct {
		name    string
		html    string
		strict  bool
		wantErr bool
	}{
		{name: "nested", html: "<p><em><mark>a</mark></em></p>", strict: true},
		{name: "crossed", html: "<p><em>a</p></em>", strict: true, wantErr: true},
		{name: "crossed, relaxed", html: "<p><em>a</p></em>"},
		{name: "mark crossed, relaxed", html: "<p><mark>a</p></mark>", wantErr: true},
		{name: "mark closed by another end tag, relaxed", html: "<p><span><mark>a</span></mark></p>", wantErr: true},
		{name: "mark left open, relaxed", html: "<p><mark>a", wantErr: true},
		{name: "link in link", html: `<p><a href="x"><a data-annot href="#n">L</a></a></p>`, strict: true, wantErr: true},
		{name: "link in link, relaxed", html: `<p><a href="x"><a data-annot href="#n">L</a></a></p>`, wantErr: true},
		// The raw </a> closes nothing on the stack (its <a> is in an
		// element already closed), so the relaxed stack skips it, but an
		// HTML parser still sees the first link open.
		{name: "link reopened across blocks, relaxed", html: `<p><a href="x">a</p><p>b <a data-annot href="#n">L</a></p>`, wantErr: true},
		{name: "link after a closed link, relaxed", html: `<p><em><a href="x">a</em></a> <a data-annot href="#n">L</a></p>`},
		// <a/> opens a link as <a> does (the slash is ignored).
		{name: "link in self-closed link, relaxed", html: `<p><a href="x"/>a <a data-annot href="#n">L</a></p>`, wantErr: true},
		{name: "links side by side", html: `<p><a href="x">a</a><a data-annot href="#n">L</a></p>`, strict: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := checkNesting(tt.html, tt.strict); (err != nil) != tt.wantErr {
				t.Errorf("checkNesting(%q, %v) = %v, want error %v", tt.html, tt.strict, err, tt.wantErr)
			}
		})
	}
}
