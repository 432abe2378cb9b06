package server

import (
	"strings"

	"github.com/scholia/scholia/generator/content"
)

// watched reports whether rel, a slash path relative to the site root, is
// one the dev server watches: site.yaml, what the walk of content/ keeps
// (content.Skipped), and templates/ and anything under it whose path has
// no name that content.Skip leaves out, as the theme does.
func watched(rel string) bool {
	if rel == "site.yaml" {
		return true
	}
	top, rest, _ := strings.Cut(rel, "/")
	switch {
	case top == "content":
		// What the walk keeps, by the walk's own rule, so that an edit
		// to anything a build publishes rebuilds.
		return rest == "" || !content.Skipped(rel)
	case top != "templates":
		return false
	}
	for rest != "" {
		var elem string
		elem, rest, _ = strings.Cut(rest, "/")
		if elem == "" || content.Skip(elem) {
			return false
		}
	}
	return true
}
