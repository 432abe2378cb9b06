package markup

import (
	"bytes"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/alecthomas/chroma/v2/styles"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	ghtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// Code blocks are highlighted with CSS classes, never inline styles, so that
// one stylesheet serves light and dark mode (and a strict CSP). Token classes
// carry a prefix so they cannot collide with a theme's own class names.
const (
	classPrefix = "hl-"
	lightStyle  = "github"
	darkStyle   = "github-dark"
	minContrast = 4.5 // WCAG 2.1 AA for normal text
)

var formatter = chromahtml.New(
	chromahtml.WithClasses(true),
	chromahtml.ClassPrefix(classPrefix),
	chromahtml.PreventSurroundingPre(true), // the <pre> is written here
)

// codeRenderer renders fenced and indented code blocks.
type codeRenderer struct{}

func (codeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindFencedCodeBlock, renderFencedCode)
	reg.Register(ast.KindCodeBlock, renderFencedCode)
}

// renderFencedCode writes <pre class="chroma" tabindex="0"><code
// class="language-LANG">…</code></pre> with highlighted tokens when LANG is
// known to chroma, and the escaped code otherwise. tabindex lets keyboard
// users scroll a wide block (axe: scrollable-region-focusable).
func renderFencedCode(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	var lang []byte
	if n, ok := node.(*ast.FencedCodeBlock); ok {
		lang = n.Language(source)
	}
	var code bytes.Buffer
	lines := node.Lines()
	for i := range lines.Len() {
		seg := lines.At(i)
		code.Write(seg.Value(source))
	}
	var lexer chroma.Lexer
	if len(lang) > 0 {
		lexer = lexers.Get(string(lang))
	}
	var highlighted bytes.Buffer
	if lexer != nil {
		it, err := chroma.Coalesce(lexer).Tokenise(nil, code.String())
		if err != nil || formatter.Format(&highlighted, styles.Get(lightStyle), it) != nil {
			lexer = nil
		}
	}
	if lexer != nil {
		_, _ = w.WriteString(`<pre class="chroma" tabindex="0">`)
	} else {
		_, _ = w.WriteString(`<pre tabindex="0">`)
	}
	_, _ = w.WriteString("<code")
	if lang != nil {
		_, _ = w.WriteString(` class="language-`)
		ghtml.DefaultWriter.Write(w, lang)
		_ = w.WriteByte('"')
	}
	_ = w.WriteByte('>')
	if lexer != nil {
		_, _ = w.Write(highlighted.Bytes())
	} else {
		_, _ = w.Write(util.EscapeHTML(code.Bytes()))
	}
	_, _ = w.WriteString("</code></pre>\n")
	return ast.WalkSkipChildren, nil
}

var stylesheet = sync.OnceValue(func() []byte {
	var b bytes.Buffer
	b.WriteString("/* Code highlighting (chroma " + lightStyle + " / " + darkStyle +
		", adjusted to a contrast of at least 4.5:1). */\n")
	writeStyle(&b, styles.Get(lightStyle), "", chroma.NewColour(0x1f, 0x23, 0x28), chroma.NewColour(0xff, 0xff, 0xff))
	b.WriteString("@media (prefers-color-scheme: dark) {\n")
	writeStyle(&b, styles.Get(darkStyle), "  ", chroma.NewColour(0xe6, 0xed, 0xf3), chroma.NewColour(0x0d, 0x11, 0x17))
	b.WriteString("}\n")
	return b.Bytes()
})

// writeStyle writes a rule for every token class, with every property set,
// so that the dark rules replace the light ones completely (chroma's own
// WriteCSS omits what a style inherits, which would let light colours leak
// into dark mode). Colours too faint against their background are darkened
// or lightened until they meet minContrast.
func writeStyle(b *bytes.Buffer, style *chroma.Style, indent string, fg, bg chroma.Colour) {
	base := style.Get(chroma.Background)
	if base.Colour.IsSet() {
		fg = base.Colour
	}
	if base.Background.IsSet() {
		bg = base.Background
	}
	fg = withContrast(fg, bg)
	fmt.Fprintf(b, "%s.chroma { color: %s; background-color: %s; }\n", indent, fg, bg)
	var types []chroma.TokenType
	for tt, class := range chroma.StandardTypes {
		if tt >= 0 && class != "" {
			types = append(types, tt)
		}
	}
	slices.Sort(types)
	// Classes with the same declarations share one rule: the stylesheet
	// counts against the theme's page weight.
	var decls []string
	classes := map[string][]string{}
	for _, tt := range types {
		e := style.Get(tt)
		colour, back, bgCSS := fg, bg, "transparent"
		if e.Colour.IsSet() {
			colour = e.Colour
		}
		if e.Background.IsSet() && e.Background != bg {
			back, bgCSS = e.Background, e.Background.String()
		}
		colour = withContrast(colour, back)
		d := fmt.Sprintf("color: %s; background-color: %s; font-weight: %s; font-style: %s; text-decoration: %s;",
			colour, bgCSS,
			pick(e.Bold == chroma.Yes, "bold", "normal"),
			pick(e.Italic == chroma.Yes, "italic", "normal"),
			pick(e.Underline == chroma.Yes, "underline", "none"))
		if classes[d] == nil {
			decls = append(decls, d)
		}
		classes[d] = append(classes[d], "."+classPrefix+chroma.StandardTypes[tt])
	}
	for _, d := range decls {
		fmt.Fprintf(b, "%s.chroma :is(%s) { %s }\n", indent, strings.Join(classes[d], ","), d)
	}
}

func pick(c bool, yes, no string) string {
	if c {
		return yes
	}
	return no
}

// withContrast moves c towards black or white (whichever bg is farther
// from) until it stands out from bg by minContrast.
func withContrast(c, bg chroma.Colour) chroma.Colour {
	target := chroma.NewColour(0, 0, 0)
	if luminance(bg) < 0.5 {
		target = chroma.NewColour(0xff, 0xff, 0xff)
	}
	for i := range 101 {
		if m := mix(c, target, float64(i)/100); contrast(m, bg) >= minContrast {
			return m
		}
	}
	return target
}

func mix(a, b chroma.Colour, t float64) chroma.Colour {
	f := func(x, y uint8) uint8 { return uint8(math.Round(float64(x) + (float64(y)-float64(x))*min(t, 1))) }
	return chroma.NewColour(f(a.Red(), b.Red()), f(a.Green(), b.Green()), f(a.Blue(), b.Blue()))
}

// contrast is the WCAG 2.1 contrast ratio of two colours.
func contrast(a, b chroma.Colour) float64 {
	la, lb := luminance(a), luminance(b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

// luminance is the WCAG 2.1 relative luminance of c.
func luminance(c chroma.Colour) float64 {
	ch := func(v uint8) float64 {
		s := float64(v) / 255
		if s <= 0.03928 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*ch(c.Red()) + 0.7152*ch(c.Green()) + 0.0722*ch(c.Blue())
}
