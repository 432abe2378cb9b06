package page

import (
	"sort"

	"golang.org/x/text/unicode/norm"

	"github.com/scholia/scholia/generator/slug"
)

// TagSlug is the URL segment of a tag: lowercase letters and digits of any
// script, other runs turned into one '-'. Tags that differ only in case or
// punctuation share a page, and so do tags that differ only in Unicode
// form (café typed as one code point or as e and a combining accent).
func TagSlug(name string) string {
	if s := slug.Make(norm.NFC.String(name), slug.Letters); s != "" {
		return s
	}
	return "tag"
}

// TagLinks links each tag to its page.
func (s *Site) TagLinks(names []string) []Link {
	links := make([]Link, 0, len(names))
	for _, n := range names {
		links = append(links, Link{Title: n, URL: s.URL("tags/" + TagSlug(n) + "/")})
	}
	return links
}

// TagsOf gathers the tags of the listed articles, by name, with the
// articles of each, in their order.
func TagsOf(site *Site, list []*Summary) ([]*Tag, map[string][]*Summary) {
	bySlug := map[string]*Tag{}
	articles := map[string][]*Summary{}
	for _, s := range list {
		seen := map[string]bool{}
		for _, name := range s.Tags {
			slug := TagSlug(name)
			if seen[slug] {
				continue
			}
			seen[slug] = true
			t := bySlug[slug]
			if t == nil {
				t = &Tag{Name: name, Slug: slug, URL: site.URL("tags/" + slug + "/")}
				bySlug[slug] = t
			}
			t.N++
			articles[slug] = append(articles[slug], s)
		}
	}
	tags := make([]*Tag, 0, len(bySlug))
	for _, t := range bySlug {
		tags = append(tags, t)
	}
	sort.Slice(tags, func(i, j int) bool { return tags[i].Slug < tags[j].Slug })
	return tags, articles
}
