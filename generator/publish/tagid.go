package publish

import (
	"net/url"
	"strings"
	"time"

	"github.com/scholia/scholia/generator/page"
	"github.com/scholia/scholia/generator/slug"
)

// Atom ids of a site whose base_url has no host (RFC 4151 tag: URIs).
//
// RFC 4287 wants every atom:id to be an absolute IRI that never changes. A
// path-only base_url gives no host to build one from, so the ids become
// tag:AUTHORITY,DATE:PATH. The authority is the host of publisher.url when
// there is one, else the site's title made into a DNS label; the date is
// the entry's own, and the feed's is that of the site's oldest article, so
// neither moves as articles come and go.

// tagIDs makes the tag: ids of one feed.
type tagIDs struct {
	authority string
	feedDate  string
}

// newTagIDs returns the ids of s's feed, oldest the date of the site's
// oldest article (zero when none has one).
func newTagIDs(s *page.Site, oldest time.Time) tagIDs {
	t := tagIDs{authority: slug.Make(s.Title, slug.ASCII), feedDate: tagDate(oldest, time.Time{})}
	if u, err := url.Parse(s.Publisher.URL); err == nil && u.Hostname() != "" {
		t.authority = strings.ToLower(u.Hostname())
	}
	if t.authority == "" {
		t.authority = "scholia"
	}
	return t
}

// feed is the feed's own id.
func (t tagIDs) feed(s *page.Site) string {
	return "tag:" + t.authority + "," + t.feedDate + ":" + s.BasePath()
}

// entry is the id of the entry of the page at path (path-absolute and
// escaped already).
func (t tagIDs) entry(path string, date time.Time) string {
	d := t.feedDate
	if !date.IsZero() {
		d = tagDate(date, date)
	}
	return "tag:" + t.authority + "," + d + ":" + path
}

// tagDate is t as a tag: URI's date, or fallback's when t is zero; a site
// without any date gets the tag: scheme's own year.
func tagDate(t, fallback time.Time) string {
	if t.IsZero() {
		t = fallback
	}
	if t.IsZero() {
		return "2005"
	}
	return t.UTC().Format("2006-01-02")
}
