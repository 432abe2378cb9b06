package site

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// TestNoteNumbers checks, on the example article, that a claim has one
// number everywhere: on its reference in the text, its margin note, its
// disclosure and its endnote; that the numbers count the claims in the
// order of the text; and that the endnotes come in that order.
func TestNoteNumbers(t *testing.T) {
	out := build(t, exampleFS, Options{})
	doc, err := html.Parse(strings.NewReader(readTree(t, out)["articles/russia-taliban-arms/index.html"]))
	if err != nil {
		t.Fatal(err)
	}
	numberOf := func(n *html.Node, class string) string {
		for d := range n.Descendants() {
			if d.Type == html.ElementNode && hasClass(d, class) {
				return text(d)
			}
		}
		return ""
	}
	var order []string // claims by first mark
	numbers := map[string][]string{}
	var endnotes []string
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		id := attrValue(n, "data-claim")
		switch {
		case n.Data == "mark" && strings.HasPrefix(attrValue(n, "id"), "claim-"):
			order = append(order, id)
		case hasClass(n, "claim-ref"):
			id = strings.TrimPrefix(attrValue(n, "href"), "#note-")
			numbers[id] = append(numbers[id], numberOf(n, "ref-n"))
		case hasClass(n, "margin-note"), hasClass(n, "claim-disclosure"):
			numbers[id] = append(numbers[id], numberOf(n, "note-n"))
		case hasClass(n, "claim-note"):
			numbers[id] = append(numbers[id], numberOf(n, "note-n"))
			endnotes = append(endnotes, numberOf(n, "note-n"))
		}
	}
	if len(order) < 10 {
		t.Fatalf("only %d claims", len(order))
	}
	for i, id := range order {
		want := fmt.Sprint(i + 1)
		got := numbers[id]
		if !slices.Equal(got, []string{want, want, want, want}) {
			t.Errorf("claim %s (number %s in the text's order): numbers %q on its reference, margin note, disclosure and endnote", id, want, got)
		}
		if i < len(endnotes) && endnotes[i] != want {
			t.Errorf("endnote %d is numbered %s", i+1, endnotes[i])
		}
	}
}

func hasClass(n *html.Node, class string) bool {
	for _, c := range strings.Fields(attrValue(n, "class")) {
		if c == class {
			return true
		}
	}
	return false
}

func attrValue(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func text(n *html.Node) string {
	var b strings.Builder
	for d := range n.Descendants() {
		if d.Type == html.TextNode {
			b.WriteString(d.Data)
		}
	}
	return b.String()
}
