package theme

import (
	"bytes"
	"fmt"

	"github.com/scholia/scholia/generator/page"
)

// Scale executes the theme's "scale" partial for the scale which of s
// ("claim" or "article", as markup.ScaleNames), without counts or ids:
// the HTML of a Markdown page's {{< scale which >}}, made by the template
// that ratings.html shows the scales with.
func (t *Theme) Scale(s *page.Site, which string) ([]byte, error) {
	var grades []page.Grade
	switch which {
	case "claim":
		grades = s.Claim
	case "article":
		grades = s.Article
	default:
		return nil, fmt.Errorf("theme: no scale %q", which)
	}
	data := map[string]any{"Which": which, "Grades": grades, "Counts": []page.Count(nil), "Anchors": false, "Site": s}
	var b bytes.Buffer
	if err := t.pages["page"].ExecuteTemplate(&b, "scale", data); err != nil {
		return nil, templateError(err, "scale.html")
	}
	return bytes.TrimSpace(b.Bytes()), nil
}
