package markup

import (
	"regexp"
	"strings"
	"testing"

	"github.com/alecthomas/chroma/v2"
	"github.com/google/go-cmp/cmp"
)

var cssRule = regexp.MustCompile(`(?m)^\s*(\.chroma[^{]*)\{ color: (#[0-9a-f]{6}); background-color: (#[0-9a-f]{6}|transparent);`)

// TestStylesheetContrast checks that every token colour of both schemes
// meets WCAG AA against its background, and that the dark scheme overrides
// every class of the light one.
func TestStylesheetContrast(t *testing.T) {
	css := string(Stylesheet())
	light, dark, ok := strings.Cut(css, "@media (prefers-color-scheme: dark) {")
	if !ok {
		t.Fatalf("no dark scheme in:\n%s", css)
	}
	for _, tt := range []struct {
		name string
		css  string
	}{{"light", light}, {"dark", dark}} {
		t.Run(tt.name, func(t *testing.T) {
			rules := cssRule.FindAllStringSubmatch(tt.css, -1)
			if n := len(classesOf(tt.css)); n < 50 {
				t.Fatalf("only %d classes", n)
			}
			bg := chroma.ParseColour(rules[0][3])
			if strings.TrimSpace(rules[0][1]) != ".chroma" {
				t.Fatalf("first rule is %q, want .chroma", rules[0][1])
			}
			for _, r := range rules {
				back := bg
				if r[3] != "transparent" {
					back = chroma.ParseColour(r[3])
				}
				if c := contrast(chroma.ParseColour(r[2]), back); c < minContrast {
					t.Errorf("%s: %s on %s has contrast %.2f", r[1], r[2], back, c)
				}
			}
		})
	}
	if diff := cmp.Diff(classesOf(light), classesOf(dark)); diff != "" {
		t.Errorf("classes of the light and dark schemes differ (-light +dark):\n%s", diff)
	}
}

// classesOf lists the selectors of css's rules, one by one.
func classesOf(css string) map[string]bool {
	out := map[string]bool{}
	for _, r := range cssRule.FindAllStringSubmatch(css, -1) {
		sels := strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(r[1]), ".chroma :is("), ")")
		for _, sel := range strings.Split(sels, ",") {
			out[strings.TrimSpace(sel)] = true
		}
	}
	return out
}

func TestWithContrast(t *testing.T) {
	white, black := chroma.MustParseColour("#ffffff"), chroma.MustParseColour("#000000")
	tests := []struct {
		name   string
		fg, bg chroma.Colour
	}{
		{name: "faint grey on white", fg: chroma.MustParseColour("#999988"), bg: white},
		{name: "dark grey on black", fg: chroma.MustParseColour("#444444"), bg: black},
		{name: "already fine", fg: black, bg: white},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := withContrast(tt.fg, tt.bg)
			if c := contrast(got, tt.bg); c < minContrast {
				t.Errorf("withContrast(%s, %s) = %s, contrast %.2f", tt.fg, tt.bg, got, c)
			}
			if contrast(tt.fg, tt.bg) >= minContrast && got != tt.fg {
				t.Errorf("withContrast changed a colour that was fine: %s -> %s", tt.fg, got)
			}
		})
	}
}
