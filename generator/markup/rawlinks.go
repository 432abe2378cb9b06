package markup

import (
	"bytes"
	"slices"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	"golang.org/x/net/html"
)

// rawLinks is where links made of raw HTML are open in a document. As in
// an HTML parser, an <a ...> start tag opens a link (closing any open one)
// and an </a> end tag closes it; a link left open at a block's end stays
// open in the next (browsers reopen it there).
type rawLinks struct {
	// openAfter holds the nodes after whose end a raw link is open.
	openAfter map[ast.Node]rawState
	closers   []rawCloser // every </a>, in document order
}

type rawState struct {
	seq      int // when the node ends, in walk order
	openedAt int // source offset of the <a> that opened the link
}

type rawCloser struct {
	node ast.Node // an *ast.RawHTML or *ast.HTMLBlock
	seq  int
}

// findRawLinks walks root in document order and follows the raw links.
func findRawLinks(root ast.Node, src []byte) *rawLinks {
	r := &rawLinks{openAfter: map[ast.Node]rawState{}}
	seq, open, openedAt := 0, false, 0
	// tags follows the tags of one piece of raw HTML, whose text is the
	// segments segs of src (a tag may run over several lines).
	tags := func(n ast.Node, segs []text.Segment) {
		var b []byte
		for _, seg := range segs {
			b = append(b, seg.Value(src)...)
		}
		// at is the source offset of byte i of b. Tags come in order, so it
		// walks the segments once: an HTML block has one per line, and
		// starting over for each <a> took time in lines times tags.
		seg, segStart := 0, 0 // b[segStart:] starts with segs[seg]
		at := func(i int) int {
			for seg < len(segs) && i-segStart >= segs[seg].Len() {
				segStart += segs[seg].Len()
				seg++
			}
			if seg == len(segs) {
				return segs[len(segs)-1].Stop
			}
			return segs[seg].Start + i - segStart
		}
		z := html.NewTokenizer(bytes.NewReader(b))
		for pos := 0; ; {
			tt := z.Next()
			if tt == html.ErrorToken {
				return
			}
			start := pos
			pos += len(z.Raw())
			name, _ := z.TagName()
			if string(name) != "a" {
				continue
			}
			switch tt {
			case html.StartTagToken, html.SelfClosingTagToken:
				open, openedAt = true, at(start)
			case html.EndTagToken:
				open = false
				r.closers = append(r.closers, rawCloser{node: n, seq: seq})
			}
		}
	}
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		seq++
		if entering {
			switch n := n.(type) {
			case *ast.RawHTML:
				segs := make([]text.Segment, n.Segments.Len())
				for i := range segs {
					segs[i] = n.Segments.At(i)
				}
				tags(n, segs)
			case *ast.HTMLBlock:
				segs := make([]text.Segment, 0, n.Lines().Len()+1)
				for i := 0; i < n.Lines().Len(); i++ {
					segs = append(segs, n.Lines().At(i))
				}
				if n.HasClosure() {
					segs = append(segs, n.ClosureLine)
				}
				tags(n, segs)
			}
		} else if open {
			r.openAfter[n] = rawState{seq: seq, openedAt: openedAt}
		}
		return ast.WalkContinue, nil
	})
	return r
}

// closer returns the node of the first </a> after walk step seq.
func (r *rawLinks) closer(seq int) ast.Node {
	i, _ := slices.BinarySearchFunc(r.closers, seq, func(c rawCloser, seq int) int { return c.seq - seq })
	for ; i < len(r.closers); i++ {
		if r.closers[i].seq > seq {
			return r.closers[i].node
		}
	}
	return nil
}
