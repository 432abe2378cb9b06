package markup

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

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

// checkNesting reports the first element closed out of order, or a link in
// a link. Void elements
// and end tags that close nothing (raw HTML fragments) are the caller's
// business: with strict set, an unmatched end tag is an error too.
func checkNesting(s string, strict bool) error {
	z := html.NewTokenizer(strings.NewReader(s))
	var stack []string
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			if !errors.Is(z.Err(), io.EOF) {
				return z.Err()
			}
			if len(stack) > 0 {
				return fmt.Errorf("unclosed %v", stack)
			}
			return nil
		case html.StartTagToken:
			name, _ := z.TagName()
			if string(name) == "a" && slices.Contains(stack, "a") {
				return fmt.Errorf("<a> inside <a>: %v", stack)
			}
			if !voidElements[string(name)] {
				stack = append(stack, string(name))
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			if len(stack) == 0 || stack[len(stack)-1] != string(name) {
				if strict || string(name) == "mark" {
					return fmt.Errorf("</%s> closes %v", name, stack)
				}
				continue
			}
			stack = stack[:len(stack)-1]
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
