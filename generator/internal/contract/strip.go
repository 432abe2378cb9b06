// Package contract checks the HTML contract of an article page (DESIGN
// section 7) for tests: the hooks theme authors rely on, and the invariant
// that stripping the annotations gives the unannotated body back.
//
// # Use
//
//	body, _ := contract.Body(page)              // the .article-body's inner HTML
//	plain, _ := contract.Strip(body)            // without marks and data-annot elements
//	errs := contract.Check(page, plainBody, claims, pageURL)
package contract

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Strip removes every element with a data-annot attribute (with its
// content) and unwraps every <mark class="claim">, keeping every other byte
// as it was.
func Strip(body []byte) ([]byte, error) {
	var out bytes.Buffer
	z := html.NewTokenizer(bytes.NewReader(body))
	var marks []bool // open <mark>s: is it a claim mark?
	skip := 0        // depth inside a data-annot element
	var skipTag atom.Atom
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			if !errors.Is(z.Err(), io.EOF) {
				return nil, z.Err()
			}
			if skip > 0 || len(marks) > 0 {
				return nil, errors.New("an annotation element is not closed at the end of the body")
			}
			return out.Bytes(), nil
		}
		// Token unescapes text in the tokenizer's buffer, under Raw's slice.
		raw := bytes.Clone(z.Raw())
		tok := z.Token()
		switch {
		case skip > 0:
			if tt == html.StartTagToken && tok.DataAtom == skipTag {
				skip++
			} else if tt == html.EndTagToken && tok.DataAtom == skipTag {
				skip--
			}
			continue
		case tt == html.StartTagToken && hasAttr(tok, "data-annot"):
			if !voidElements[tok.DataAtom] {
				skip, skipTag = 1, tok.DataAtom
			}
			continue
		case tt == html.SelfClosingTagToken && hasAttr(tok, "data-annot"):
			continue
		case tt == html.StartTagToken && tok.DataAtom == atom.Mark:
			claim := isClaimMark(tok)
			marks = append(marks, claim)
			if claim {
				continue
			}
		case tt == html.EndTagToken && tok.DataAtom == atom.Mark:
			if len(marks) == 0 {
				return nil, fmt.Errorf("</mark> without <mark>")
			}
			claim := marks[len(marks)-1]
			marks = marks[:len(marks)-1]
			if claim {
				continue
			}
		}
		out.Write(raw)
	}
}

// voidElements have no end tag, so a data-annot one has nothing to skip.
var voidElements = map[atom.Atom]bool{
	atom.Area: true, atom.Base: true, atom.Br: true, atom.Col: true, atom.Embed: true, atom.Hr: true,
	atom.Img: true, atom.Input: true, atom.Link: true, atom.Meta: true, atom.Source: true, atom.Track: true, atom.Wbr: true,
}

// Body returns the inner HTML of the page's one element with class
// article-body.
func Body(page []byte) ([]byte, error) {
	if err := checkOne(page); err != nil {
		return nil, err
	}
	z := html.NewTokenizer(bytes.NewReader(page))
	offset, start, depth := 0, -1, 0
	var tag atom.Atom
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return nil, errors.New("article-body is not closed")
		}
		raw := z.Raw()
		tok := z.Token()
		offset += len(raw)
		switch {
		case start < 0:
			if tt == html.StartTagToken && hasClass(tok, "article-body") {
				start, depth, tag = offset, 1, tok.DataAtom
			}
		case tt == html.StartTagToken && tok.DataAtom == tag:
			depth++
		case tt == html.EndTagToken && tok.DataAtom == tag:
			if depth--; depth == 0 {
				return append([]byte(nil), page[start:offset-len(raw)]...), nil
			}
		}
	}
}

// checkOne makes sure the page has one article-body element only.
func checkOne(page []byte) error {
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		return err
	}
	n := 0
	for node := range doc.Descendants() {
		if node.Type == html.ElementNode && HasClass(node, "article-body") {
			n++
		}
	}
	if n != 1 {
		return fmt.Errorf("%d elements with class article-body, want 1", n)
	}
	return nil
}

func hasAttr(t html.Token, name string) bool {
	for _, a := range t.Attr {
		if a.Key == name {
			return true
		}
	}
	return false
}

func attr(t html.Token, name string) string {
	for _, a := range t.Attr {
		if a.Key == name {
			return a.Val
		}
	}
	return ""
}

func hasClass(t html.Token, class string) bool {
	return containsWord(attr(t, "class"), class)
}

// HasClass reports whether n has class among its classes.
func HasClass(n *html.Node, class string) bool {
	for _, a := range n.Attr {
		if a.Key == "class" && containsWord(a.Val, class) {
			return true
		}
	}
	return false
}

func containsWord(list, w string) bool {
	for _, f := range strings.Fields(list) {
		if f == w {
			return true
		}
	}
	return false
}

func isClaimMark(t html.Token) bool { return t.DataAtom == atom.Mark && hasClass(t, "claim") }
