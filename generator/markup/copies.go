package markup

import (
	"bytes"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A claim's note shows three times on a page: as its endnote, in the
// margin beside the claim and in the disclosure after it. The copies must
// not repeat the endnote's ids (footnote ids), and the margin note, which
// stands inside a paragraph, may hold phrasing content only.

// WithoutIDs returns the HTML of a rendered note (from [Renderer.Note])
// without its id attributes, for a second copy of it on the page; links
// to those ids still reach the first copy.
func WithoutIDs(note []byte) []byte { return rewrite(note, false) }

// Phrasing returns the HTML of a rendered note as phrasing content, for a
// note inside a paragraph: each block element becomes a <span> with the
// class "b-" and its tag name ("b-p", "b-ul", "b-li", "b-pre", ...), which
// a stylesheet displays as the block it was, and ids are left out as in
// [WithoutIDs].
func Phrasing(note []byte) []byte { return rewrite(note, true) }

// blockTags are the elements of a note that are not phrasing content.
var blockTags = map[atom.Atom]bool{
	atom.P: true, atom.Ul: true, atom.Ol: true, atom.Li: true, atom.Blockquote: true,
	atom.Pre: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true,
	atom.H6: true, atom.Hr: true, atom.Table: true, atom.Thead: true, atom.Tbody: true,
	atom.Tr: true, atom.Th: true, atom.Td: true, atom.Div: true, atom.Section: true,
	atom.Dl: true, atom.Dt: true, atom.Dd: true, atom.Figure: true, atom.Figcaption: true,
}

func rewrite(note []byte, phrasing bool) []byte {
	var out bytes.Buffer
	out.Grow(len(note) + len(note)/4)
	z := html.NewTokenizer(bytes.NewReader(note))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return out.Bytes()
		}
		if tt == html.TextToken {
			// Raw: the note's entities stay as written.
			out.Write(z.Raw())
			continue
		}
		t := z.Token()
		switch tt {
		case html.StartTagToken, html.SelfClosingTagToken:
			t.Attr = dropAttrs(t.Attr, "id")
			if phrasing && blockTags[t.DataAtom] {
				tag := t.Data
				t.Attr = append(dropAttrs(t.Attr, "class", "role", "start"), html.Attribute{Key: "class", Val: strings.TrimSpace("b-" + tag + " " + attrVal(t.Attr, "class"))})
				t.Data, t.DataAtom = "span", atom.Span
				out.WriteString(t.String())
				if t.Type == html.SelfClosingTagToken || tag == "hr" {
					out.WriteString("</span>")
				}
				continue
			}
			out.WriteString(t.String())
		case html.EndTagToken:
			if phrasing && blockTags[t.DataAtom] {
				if t.DataAtom != atom.Hr {
					out.WriteString("</span>")
				}
				continue
			}
			out.WriteString(t.String())
		default:
			out.WriteString(t.String())
		}
	}
}

func dropAttrs(attrs []html.Attribute, keys ...string) []html.Attribute {
	var out []html.Attribute
	for _, a := range attrs {
		drop := false
		for _, k := range keys {
			drop = drop || a.Key == k
		}
		if !drop {
			out = append(out, a)
		}
	}
	return out
}

func attrVal(attrs []html.Attribute, key string) string {
	for _, a := range attrs {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// Lead splits a rendered note after its first top-level element (its
// first paragraph, usually), so that a page can show the lead of a long
// review and fold the rest away; rest is empty when there is nothing more.
func Lead(note []byte) (lead, rest []byte) {
	z := html.NewTokenizer(bytes.NewReader(note))
	depth, at := 0, 0
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return note, nil
		}
		at += len(z.Raw())
		switch tt {
		case html.StartTagToken:
			if name, _ := z.TagName(); !voidTags[string(name)] {
				depth++
			}
		case html.EndTagToken:
			depth--
		}
		if depth == 0 && (tt == html.EndTagToken || tt == html.SelfClosingTagToken || tt == html.StartTagToken) {
			if r := bytes.TrimSpace(note[at:]); len(r) > 0 {
				return note[:at], note[at:]
			}
			return note, nil
		}
	}
}

var voidTags = map[string]bool{"br": true, "hr": true, "img": true, "input": true, "wbr": true}
