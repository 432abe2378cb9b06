package site

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/scholia/scholia/generator/internal/contract"
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
			if d.Type == html.ElementNode && contract.HasClass(d, class) {
				return contract.Text(d)
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
		id := contract.Attr(n, "data-claim")
		switch {
		case n.Data == "mark" && strings.HasPrefix(contract.Attr(n, "id"), "claim-"):
			order = append(order, id)
		case contract.HasClass(n, "claim-ref"):
			id = strings.TrimPrefix(contract.Attr(n, "href"), "#note-")
			numbers[id] = append(numbers[id], numberOf(n, "ref-n"))
		case contract.HasClass(n, "margin-note"), contract.HasClass(n, "claim-disclosure"):
			numbers[id] = append(numbers[id], numberOf(n, "note-n"))
		case contract.HasClass(n, "claim-note"):
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
