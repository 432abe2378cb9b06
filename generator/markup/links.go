package markup

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	ghtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// linkPolicy says which link destinations may become links; the others are
// rendered as their text. It is an allow list rather than goldmark's block
// list of dangerous schemes, and it holds even with Options.Unsafe: raw HTML
// is the author's choice, a link to an unknown scheme rarely is.
type linkPolicy func(dest []byte) bool

// articleLinks allows the web, mail and links within the site.
func articleLinks(dest []byte) bool {
	switch s, ok := scheme(dest); {
	case !ok:
		return true // relative URL or #fragment
	default:
		return s == "http" || s == "https" || s == "mailto"
	}
}

// articleImages allows images from the web and from the site: not mailto:,
// and not data: or javascript:, which goldmark would write as src="" (a
// request for the page itself).
func articleImages(dest []byte) bool {
	s, ok := scheme(dest)
	return !ok || s == "http" || s == "https"
}

// noteLinks allows only absolute web links: a note is shown on pages other
// than the article's (claims index), where relative links would break.
func noteLinks(dest []byte) bool {
	s, ok := scheme(dest)
	return ok && (s == "http" || s == "https")
}

// scheme returns the lower-cased URL scheme of u, if it has one (RFC 3986:
// ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"). u is already URL-escaped,
// so white space and control characters that browsers would strip cannot
// hide a scheme: they are percent-encoded and make u a relative URL.
func scheme(u []byte) (string, bool) {
	for i, c := range u {
		switch {
		case c == ':':
			return strings.ToLower(string(u[:i])), i > 0
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z':
		case i > 0 && ('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.'):
		default:
			return "", false
		}
	}
	return "", false
}

// linkRenderer renders links and autolinks under a policy. Autolinks whose
// label the claim transformer made markable (a Text child) render their
// children instead of the label.
type linkRenderer struct{ allow linkPolicy }

func (r linkRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindLink, r.renderLink)
	reg.Register(ast.KindAutoLink, r.renderAutoLink)
}

func (r linkRenderer) renderLink(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.Link)
	dest := util.URLEscape(n.Destination, true)
	if !r.allow(dest) {
		return ast.WalkContinue, nil
	}
	if !entering {
		_, _ = w.WriteString("</a>")
		return ast.WalkContinue, nil
	}
	// As html.Renderer.renderLink.
	_, _ = w.WriteString(`<a href="`)
	_, _ = w.Write(util.EscapeHTML(dest))
	_ = w.WriteByte('"')
	closeTag(w, n, n.Title, ghtml.LinkAttributeFilter)
	return ast.WalkContinue, nil
}

func (r linkRenderer) renderAutoLink(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.AutoLink)
	url := util.URLEscape(n.URL(source), false)
	if n.AutoLinkType == ast.AutoLinkEmail && !bytes.HasPrefix(bytes.ToLower(url), []byte("mailto:")) {
		url = append([]byte("mailto:"), url...)
	}
	allowed := r.allow(url)
	if !entering {
		if allowed {
			_, _ = w.WriteString("</a>")
		}
		return ast.WalkContinue, nil
	}
	if allowed {
		// As html.Renderer.renderAutoLink.
		_, _ = w.WriteString(`<a href="`)
		_, _ = w.Write(util.EscapeHTML(url))
		_ = w.WriteByte('"')
		if n.Attributes() != nil {
			ghtml.RenderAttributes(w, n, ghtml.LinkAttributeFilter)
		}
		_ = w.WriteByte('>')
	}
	if !n.HasChildren() {
		_, _ = w.Write(util.EscapeHTML(n.Label(source)))
	}
	return ast.WalkContinue, nil
}

// imageRenderer renders images under a policy: an image whose source the
// policy does not allow is rendered as its alt text. Articles use it so that
// no data: or javascript: URL becomes an image (goldmark's renderer would
// write src="" for the latter, which requests the page again), and notes so
// that a note shown on any page loads no relative image either.
type imageRenderer struct{ allow linkPolicy }

func (r imageRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindImage, r.renderImage)
}

func (r imageRenderer) renderImage(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.Image)
	dest := util.URLEscape(n.Destination, true)
	if !r.allow(dest) {
		writeTexts(w, source, n)
		return ast.WalkSkipChildren, nil
	}
	// As html.Renderer.renderImage (not XHTML); an allowed URL is never
	// one of its dangerous ones.
	_, _ = w.WriteString(`<img src="`)
	_, _ = w.Write(util.EscapeHTML(dest))
	_, _ = w.WriteString(`" alt="`)
	writeTexts(w, source, n)
	_ = w.WriteByte('"')
	closeTag(w, n, n.Title, ghtml.ImageAttributeFilter)
	return ast.WalkSkipChildren, nil
}

// closeTag ends a link's or image's start tag as goldmark's html.Renderer
// does: its title, its attributes, and '>'.
func closeTag(w util.BufWriter, n ast.Node, title []byte, filter util.BytesFilter) {
	if title != nil {
		_, _ = w.WriteString(` title="`)
		ghtml.DefaultWriter.Write(w, title)
		_ = w.WriteByte('"')
	}
	if n.Attributes() != nil {
		ghtml.RenderAttributes(w, n, filter)
	}
	_ = w.WriteByte('>')
}

// writeTexts writes the text of n's descendants, escaped, as goldmark's
// html.Renderer does for an image's alt attribute (renderTexts): the same
// is the text that stands for an image that is not shown.
func writeTexts(w util.BufWriter, source []byte, n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.String:
			switch {
			case c.IsCode():
				_, _ = w.Write(c.Value)
			case c.IsRaw():
				ghtml.DefaultWriter.RawWrite(w, c.Value)
			default:
				ghtml.DefaultWriter.Write(w, c.Value)
			}
		case *ast.Text:
			value := c.Segment.Value(source)
			if c.IsRaw() {
				ghtml.DefaultWriter.RawWrite(w, value)
				continue
			}
			ghtml.DefaultWriter.Write(w, value)
			if c.HardLineBreak() {
				_, _ = w.WriteString("<br>\n")
			} else if c.SoftLineBreak() {
				_ = w.WriteByte('\n')
			}
		default:
			writeTexts(w, source, c)
		}
	}
}
