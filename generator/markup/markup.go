// Package markup turns an article's Markdown into HTML with its claims
// highlighted, and renders the Markdown of notes and review summaries.
//
// # Markdown
//
// Articles are CommonMark with the GitHub extensions (tables,
// strikethrough, bare URLs as links, task lists), footnotes, typographic
// quotes and dashes, and an id on every heading. Heading ids are goldmark's
// (lower-cased words joined by "-", made unique with "-1", "-2", ...),
// except that an id that would start with "claim-" or "note-", the
// prefixes of the ids of section 7 of the design, gets "h-" in front:
// "## Claim guns" has id="h-claim-guns". Raw HTML is omitted (an
// HTML comment says so) unless [Options].Unsafe is set. Links go to http(s)
// and mailto URLs, relative URLs and #fragments; a link to any other scheme
// (javascript:, data:, file:, ...) is rendered as its text, Unsafe or not.
// Fenced code blocks in a language chroma knows are highlighted with CSS
// classes (prefix "hl-", inside <pre class="chroma">), styled by
// [Stylesheet]; other code blocks are plain. Every <pre> has tabindex="0" so
// keyboard users can scroll it, and task list boxes have an accessible name
// ("done", "not done"), as axe-core asks.
//
// Notes ([Renderer.Note]) use the same Markdown but never raw HTML, link
// only absolute http(s) URLs and show only http(s) images (any other image
// is its alt text), give headings no id and prefix footnote ids with the
// note's key ("fn-KEY-fn:1"), so several notes fit on one page.
//
// # Claims
//
// [Renderer.Article] finds each claim's quote in the article's rendered text
// (package anchor: the text a reader sees, normalised) and highlights it.
// The text model has one block per paragraph, heading, table cell or tight
// list item, and within it one piece per run of text: plain text with its
// escapes and entities resolved, text the typographer made, code span text,
// autolink and bare URL labels (as shown, without an added "http://") and
// line breaks. Image alt text, raw HTML, code blocks and footnote markers
// are not text; a quote in a code block is an error that says so.
//
// Every highlighted piece of a claim is a [Mark] node in the goldmark tree,
// rendered as <mark class="claim" data-claim="ID" data-rating="GRADE">; the
// claim's first mark also has id="claim-ID". A quote that runs across
// emphasis, a link or a code span gets one mark per piece, since a mark
// never crosses an element's boundary. Overlapping claims nest: each mark
// belongs to one claim.
//
// Right after the claim's last mark comes the reference to its note:
//
//	<a class="claim-ref" href="#note-ID" data-annot data-rating="GRADE"
//	aria-label="LABEL: note on claim N">LABEL</a>
//
// Its text is the grade's label; N counts claims from 1, so that every
// reference has a name of its own. When the last mark is in a link (links
// cannot nest), a code span or a strikethrough, the reference follows that
// element instead. With [Options].Unsafe, the same holds for a link made
// of raw HTML: when the last mark is between an <a ...> and its </a>, the
// reference follows the raw </a>; when that </a> is not in the same block
// (paragraph, heading, table cell, ...) or missing, the link holds the rest
// of the block and no place after the last mark is outside it: the claim is
// not highlighted but is an error ([ErrInRawLink]). A claim that cannot be anchored is
// not highlighted and comes back in [Result].Errors.
//
// # Notes beside claims
//
// [Renderer.ArticleNotes] also puts the theme's copies of each claim's
// note in the body (see [Notes]): once the claims are anchored it asks for
// them, numbered in the order of the text, and writes
//
//	<span class="margin-note" data-annot data-claim="ID" data-rating="GRADE">...</span>
//
// right before the inline element that holds the claim's first mark, so
// that a stylesheet floats it beside the line where the claim starts, and
//
//	<details class="claim-disclosure" data-annot data-claim="ID" data-rating="GRADE">...</details>
//
// after the block of its note reference: after the paragraph, heading or
// table, or at the end of a tight list item. A claim in a table cell has
// its margin note before the table. Both carry data-annot, so the invariant below holds.
// [Phrasing] and [WithoutIDs] make the copies of a note's HTML.
//
// # Example
//
// The Markdown
//
//	Officials said the *new* plan "cuts costs".
//
// with the claim {ID: "cuts", Rating: "misleading", Label: "Misleading",
// Quote: {Exact: `new plan "cuts costs"`}} renders as (one line, broken here)
//
//	<p>Officials said the <em><mark class="claim" id="claim-cuts"
//	data-claim="cuts" data-rating="misleading">new</mark></em><mark
//	class="claim" data-claim="cuts" data-rating="misleading"> plan
//	&ldquo;cuts costs&rdquo;</mark><a class="claim-ref" href="#note-cuts"
//	data-annot data-rating="misleading" aria-label="Misleading: note on
//	claim 1">Misleading</a>.</p>
//
// The quote matches although the Markdown has *emphasis* and straight
// quotes that the typographer curled.
//
// # Invariant
//
// Removing every element that has the data-annot attribute (with its
// content) and unwrapping every <mark class="claim"> gives, byte for byte,
// the HTML of the same article rendered with no claims; and the text of a
// claim's marks, normalised with anchor.Normalize, is its normalised quote.
// Split text nodes keep their source segments so they render exactly as
// the whole did.
//
// # Limits
//
// goldmark takes time that grows with the square of some Markdown (lists
// and quotes nested in one another; brackets, emphasis marks, backticks
// and lines in one paragraph; escaped pipes in table code), and a table
// takes memory for its columns times its rows however short they are: an
// article of a few hundred kilobytes could take minutes or gigabytes.
// [Limits.Check] reads the Markdown once, in linear time, and Article,
// Note and Goldmark's Convert apply [Options].Limits (the zero value is
// [DefaultLimits]) before they parse. Check may over-estimate, never
// under-estimates, and counts nothing in code blocks; the defaults are far
// above any real article:
//
//	site.yaml key        default     the most
//	markdown_size        10000000    bytes of Markdown
//	markdown_depth       100         lists, quotes and footnotes nested in one another
//	table_columns        1000        columns of a table
//	table_cells          1000000     cells of all tables, columns times rows
//	table_escaped_pipes  1000        \| after a backtick in a table cell, in all tables
//	paragraph_brackets   1000        "[" in one paragraph, heading or table row
//	paragraph_emphasis   1000        runs of *, _ or ~ in one paragraph, heading or table row
//	paragraph_code_spans 1000        runs of ` in one paragraph, heading or table row
//	paragraph_lines      10000       lines of one paragraph (table rows count one by one)
//
// For example, the article
//
//	Intro.
//
//	> > > ... > deep
//
// with 101 ">" on line 3 is not parsed: Article returns the [*LimitError]
//
//	3:201: lists, quotes and footnotes nest 101 deep, more than
//	limits.markdown_depth (100): flatten the nesting or raise the limit in
//	site.yaml
//
// whose Line and Col (characters) are relative to the Markdown given, and
// whose Name is the site.yaml key. A note over the limits renders as a
// paragraph that says so.
//
// # Concurrency
//
// A Renderer is safe for concurrent use: it holds one goldmark.Markdown for
// articles and one for notes, and each call's claims and results travel in
// its own parser context.
package markup

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"html"
	"io"
	"sync"

	"github.com/scholia/scholia/generator/anchor"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	ghtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Options configure a Renderer.
type Options struct {
	Unsafe bool // keep raw HTML from the Markdown (site.yaml unsafe_html)
	// Limits bound what the Markdown of one article or note may ask of the
	// parser (site.yaml limits:); the zero value is DefaultLimits.
	Limits Limits
	// SearchWork caps the approximate search for a quote that is not
	// found, as anchor.Doc.MaxWork (site.yaml limits.search_work); 0 is
	// anchor.DefaultMaxWork.
	SearchWork int
}

// Claim is what the renderer needs of a claim to highlight it.
type Claim struct {
	ID     string // [a-z0-9-]+
	Rating string // grade id, for data-rating
	Label  string // grade label, the text of the note reference
	Quote  anchor.Quote
}

// Result is a rendered article.
type Result struct {
	HTML    []byte          // the body, with claims highlighted
	Anchors []*anchor.Match // one per claim, in order; nil where anchoring failed
	Errors  []*ClaimError   // claims that could not be anchored
	// Doc is the article's text model that the claims were anchored in:
	// Doc.Text() for W3C position selectors, Doc.Find to re-anchor quotes.
	Doc *anchor.Doc
}

// ClaimError is why claim Index could not be anchored; Err is an
// *anchor.Error, or an error that wraps [ErrInRawLink].
type ClaimError struct {
	Index int
	Err   error
}

// Error returns the message of e.Err.
func (e *ClaimError) Error() string { return e.Err.Error() }

// Unwrap returns e.Err.
func (e *ClaimError) Unwrap() error { return e.Err }

// ErrInRawLink is the error of a claim (with [Options].Unsafe) whose
// quote ends inside a link made of raw HTML that is not closed in the same
// block: its note reference, a link itself, has no place outside it.
var ErrInRawLink = errors.New("quote ends inside a raw HTML link")

// Renderer renders Markdown; it is safe for concurrent use.
type Renderer struct {
	unsafe     bool
	limits     Limits
	searchWork int
	article    goldmark.Markdown
	note       goldmark.Markdown
}

// New returns a Renderer with the given options.
func New(opts Options) *Renderer {
	article := articleMarkdown(opts, claimExtender{})
	note := goldmark.New(
		goldmark.WithExtensions(extension.GFM, extension.Typographer,
			extension.NewFootnote(extension.WithFootnoteIDPrefixFunction(noteFootnotePrefix))),
		goldmark.WithRendererOptions(renderer.WithNodeRenderers(
			util.Prioritized(linkRenderer{allow: noteLinks}, 100),
			util.Prioritized(imageRenderer{allow: noteLinks}, 100),
			util.Prioritized(codeRenderer{}, 100),
			util.Prioritized(taskRenderer{}, 100),
		)),
	)
	return &Renderer{unsafe: opts.Unsafe, limits: opts.Limits.orDefault(), searchWork: opts.SearchWork, article: article, note: note}
}

// articleMarkdown is the goldmark setup of articles, with extra
// extensions after the Markdown ones (New adds the claim marks).
func articleMarkdown(opts Options, extra ...goldmark.Extender) goldmark.Markdown {
	htmlOpts := []renderer.Option{}
	if opts.Unsafe {
		htmlOpts = append(htmlOpts, ghtml.WithUnsafe())
	}
	return goldmark.New(
		// typographer is extension.Typographer that also records where
		// each piece it makes came from, for the text model.
		goldmark.WithExtensions(append([]goldmark.Extender{extension.GFM, extension.Footnote, typographer{}}, extra...)...),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
		goldmark.WithRendererOptions(append(htmlOpts, renderer.WithNodeRenderers(
			util.Prioritized(linkRenderer{allow: articleLinks}, 100),
			util.Prioritized(imageRenderer{allow: articleImages}, 100),
			util.Prioritized(codeRenderer{}, 100),
			util.Prioritized(taskRenderer{}, 100),
		))...),
	)
}

// Goldmark returns the goldmark setup of articles without the claim marks:
// the same extensions, link, image and task renderers and chroma code
// blocks as [New], so that a program that renders only Markdown (the
// benchmark's floor) does exactly the Markdown work of a build. Its Convert
// gives heading ids as [Renderer.Article] does; its Parser and Renderer
// used directly give goldmark's own.
func Goldmark(opts Options) goldmark.Markdown {
	return withHeadingIDs{articleMarkdown(opts), opts.Limits.orDefault()}
}

// withHeadingIDs converts with this package's heading ids ("h-claim-..."),
// which goldmark takes from the parser context of each call, after the
// check of the limits that a build does too.
type withHeadingIDs struct {
	goldmark.Markdown
	limits Limits
}

func (m withHeadingIDs) Convert(src []byte, w io.Writer, opts ...parser.ParseOption) error {
	if err := m.limits.Check(src); err != nil {
		return err
	}
	pc := parser.NewContext(parser.WithIDs(newHeadingIDs()))
	doc := m.Parser().Parse(text.NewReader(src), append([]parser.ParseOption{parser.WithContext(pc)}, opts...)...)
	return m.Renderer().Render(w, src, doc)
}

// Article renders the Markdown body of the article at path (relative to the
// site root, for messages) and highlights claims in it. Markdown that goes
// over the renderer's limits is not parsed: the error is the *LimitError of
// [Limits.Check], not wrapped, with its place in src.
func (r *Renderer) Article(path string, src []byte, claims []Claim) (*Result, error) {
	return r.render(path, src, claims, findInDoc, nil)
}

// ArticleNotes is Article with the theme's notes: once the claims are
// anchored it calls notes, and puts what it returns in the body (see
// [Notes]). An error of notes is returned as it is.
func (r *Renderer) ArticleNotes(path string, src []byte, claims []Claim, notes NotesFunc) (*Result, error) {
	return r.render(path, src, claims, findInDoc, notes)
}

func (r *Renderer) render(path string, src []byte, claims []Claim,
	find func(*anchor.Doc, anchor.Quote) (anchor.Match, error), notes NotesFunc) (*Result, error) {
	if err := r.limits.Check(src); err != nil {
		return nil, err
	}
	j := &job{path: path, claims: claims, find: find, notes: notes, unsafe: r.unsafe, searchWork: r.searchWork, typo: map[*ast.String]text.Segment{}}
	pc := parser.NewContext(parser.WithIDs(newHeadingIDs()))
	pc.Set(jobKey, j)
	doc := r.article.Parser().Parse(text.NewReader(src), parser.WithContext(pc))
	if j.notesErr != nil {
		return nil, j.notesErr
	}
	var buf bytes.Buffer
	buf.Grow(2 * len(src)) // HTML is about twice its Markdown: grow once
	if err := renderTo(r.article.Renderer(), &buf, src, doc); err != nil {
		return nil, fmt.Errorf("%s: rendering: %w", path, err)
	}
	return &Result{HTML: buf.Bytes(), Anchors: j.anchors, Errors: j.errs, Doc: j.model.doc}, nil
}

// noteFootnotePrefixKey is the document meta key of a note's footnote id
// prefix.
const noteFootnotePrefixKey = "scholia-footnote-prefix"

// noteFootnotePrefix keeps the footnote ids of the notes on one page apart
// (and apart from the article's, "fn:1", and from the ids of section 7 of
// the design, "claim-ID" and "note-ID"): Note puts "fn-KEY-" in the
// document's meta.
func noteFootnotePrefix(n ast.Node) []byte {
	if d := n.OwnerDocument(); d != nil {
		if p, ok := d.Meta()[noteFootnotePrefixKey].([]byte); ok {
			return p
		}
	}
	return []byte("fn-")
}

// Check returns the *LimitError of the renderer's limits for the Markdown
// src, or nil: a caller checks a note with it to report an error where
// the note is written, before Note renders it.
func (r *Renderer) Check(src string) error { return r.limits.Check([]byte(src)) }

// Note renders the Markdown of a note or review summary: no raw HTML, only
// http(s) URLs become links and only http(s) images are shown.
//
// key tells the notes of one page apart: it must be unique on the page (the
// site uses "review" for the review summary and "claim-ID" for the note on
// claim ID). The note's footnote ids are "fn-KEY-fn:N" and "fn-KEY-fnref:N",
// so they never meet the article's footnote ids ("fn:N"), the heading ids
// (no ":"), the ids "claim-ID" and "note-ID", or those of another note with
// another key. Bytes of key other than ASCII letters, digits, "-" and "_"
// are written as ".XX" (hex), which keeps the ids valid and distinct.
//
// A note that goes over the renderer's limits is not parsed: it renders as
// a paragraph that says so. A caller that wants an error instead checks the
// note with [Limits.Check] first.
func (r *Renderer) Note(key, src string) []byte {
	source := []byte(src)
	if err := r.limits.Check(source); err != nil {
		return fmt.Appendf(nil, "<p>(note not rendered: %s)</p>\n", html.EscapeString(err.Error()))
	}
	doc := r.note.Parser().Parse(text.NewReader(source))
	doc.OwnerDocument().AddMeta(noteFootnotePrefixKey, footnotePrefix(key))
	var buf bytes.Buffer
	if err := renderTo(r.note.Renderer(), &buf, source, doc); err != nil {
		// Rendering writes to memory and goldmark's renderers return no
		// errors of their own: say what happened rather than lose the note.
		return fmt.Appendf(nil, "<p>(note could not be rendered: %s)</p>\n", err)
	}
	return buf.Bytes()
}

// bufWriters are the buffered writers goldmark renders through: it makes
// a 4 KiB one per call unless given one, and a build renders every note.
var bufWriters = sync.Pool{New: func() any { return bufio.NewWriter(nil) }}

// renderTo renders doc into buf through a pooled buffered writer.
func renderTo(r renderer.Renderer, buf *bytes.Buffer, src []byte, doc ast.Node) error {
	w := bufWriters.Get().(*bufio.Writer)
	defer bufWriters.Put(w)
	w.Reset(buf)
	if err := r.Render(w, src, doc); err != nil {
		return err
	}
	return w.Flush()
}

// footnotePrefix is "fn-KEY-" with KEY's bytes made safe for an id.
func footnotePrefix(key string) []byte {
	p := []byte("fn-")
	for i := 0; i < len(key); i++ {
		switch c := key[i]; {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', c == '-', c == '_':
			p = append(p, c)
		default:
			p = fmt.Appendf(p, ".%02x", c)
		}
	}
	return append(p, '-')
}

// Stylesheet returns the CSS for highlighted code: chroma's "github" style,
// and "github-dark" under @media (prefers-color-scheme: dark), with every
// colour adjusted to a contrast of at least 4.5:1 against its background.
func Stylesheet() []byte { return bytes.Clone(stylesheet()) }
