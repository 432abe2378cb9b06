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
	// NoTypographer leaves an article's characters as written: no curly
	// quotes, dashes or ellipses made from straight ones (site.yaml and
	// front matter typographer: false). Quotes anchor either way.
	NoTypographer bool
	// Limits bound what the Markdown of one article or note may ask of the
	// parser (site.yaml limits:); the zero value is DefaultLimits.
	Limits Limits
	// SearchWork caps the approximate search for a quote that is not
	// found, as anchor.Doc.MaxWork (site.yaml limits.search_work); 0 is
	// anchor.DefaultMaxWork.
	SearchWork int
	// TaskLabels are the accessible names of a task list's done and not
	// done boxes, in the site's language; "" is the English word.
	TaskLabels [2]string
	// Scale gives the HTML of the site's scale which (one of
	// [ScaleNames]) for an article's {{< scale which >}}; nil renders
	// the shortcode as nothing.
	Scale func(which string) ([]byte, error)
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
			util.Prioritized(newTaskRenderer(opts.TaskLabels), 100),
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
	// typographer is extension.Typographer that also records where each
	// piece it makes came from, for the text model.
	exts := []goldmark.Extender{extension.GFM, extension.Footnote, scaleExtender{opts.Scale}}
	if !opts.NoTypographer {
		exts = append(exts, typographer{})
	}
	return goldmark.New(
		goldmark.WithExtensions(append(exts, extra...)...),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
		goldmark.WithRendererOptions(append(htmlOpts, renderer.WithNodeRenderers(
			util.Prioritized(linkRenderer{allow: articleLinks}, 100),
			util.Prioritized(imageRenderer{allow: articleImages}, 100),
			util.Prioritized(codeRenderer{}, 100),
			util.Prioritized(newTaskRenderer(opts.TaskLabels), 100),
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
// [Limits.Check], not wrapped, with its place in src. A shortcode that is
// not {{< scale claim >}} or {{< scale article >}} makes the error
// [ShortcodeErrors], with the place of each in src.
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
	if len(j.shortcodes) > 0 {
		return nil, j.shortcodes
	}
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
