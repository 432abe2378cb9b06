// Package testdoc gives tests the text model of an article, as a build
// anchors quotes in it and fingerprints it, from the article's text alone.
//
// # Example
//
//	doc := testdoc.Of(t, "---\ntitle: Moon\n---\n\nThe moon is made of cheese.\n")
//	m, err := doc.Find(anchor.Quote{Exact: "made of cheese"})
package testdoc

import (
	"testing"

	"github.com/scholia/scholia/generator/anchor"
	"github.com/scholia/scholia/generator/config"
	"github.com/scholia/scholia/generator/content"
	"github.com/scholia/scholia/generator/markup"
)

// Of is the text model of article (front matter and Markdown) under the
// default configuration, as content/a.md; it fails t on any error.
func Of(t testing.TB, article string) *anchor.Doc {
	t.Helper()
	a, _, err := content.Parse(config.Default(), "content/a.md", []byte(article), func() ([]byte, bool, error) { return nil, false, nil }, nil)
	if err != nil {
		t.Fatal(err)
	}
	r, err := markup.New(markup.Options{}).Article(a.Path, a.Body, nil)
	if err != nil {
		t.Fatal(err)
	}
	return r.Doc
}
