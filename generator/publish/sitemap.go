package publish

import (
	"bytes"
	"encoding/xml"
	"time"

	"github.com/scholia/scholia/generator/page"
)

// sitemap.xml and robots.txt (DESIGN section 6), for search engines.
//
// Both want absolute URLs, which a site has only when base_url is absolute
// (as in the GitHub Pages workflow). With a path-only base_url the sitemap
// lists path-absolute URLs, the best it can do, and robots.txt leaves out its
// Sitemap line, which must be absolute to mean anything.

// SitemapPage is one page the sitemap lists.
type SitemapPage struct {
	URL     string    // relative to base_url, e.g. "articles/x/" ("" for the home page)
	Lastmod time.Time // zero when not known
}

type sitemapURLSet struct {
	XMLName xml.Name     `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	URLs    []sitemapURL `xml:"url"`
}

type sitemapURL struct {
	Loc     string `xml:"loc"`
	Lastmod string `xml:"lastmod,omitempty"`
}

// Sitemap returns sitemap.xml listing pages in the order given. Dates are
// W3C Datetime days (YYYY-MM-DD): search engines use lastmod only to decide
// what to fetch again, and a day is what front matter gives.
func Sitemap(s *page.Site, pages []SitemapPage) ([]byte, error) {
	set := sitemapURLSet{URLs: make([]sitemapURL, 0, len(pages))}
	for _, p := range pages {
		u := sitemapURL{Loc: s.Permalink(p.URL)}
		if !p.Lastmod.IsZero() {
			u.Lastmod = p.Lastmod.UTC().Format(time.DateOnly)
		}
		set.URLs = append(set.URLs, u)
	}
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	if err := enc.Encode(set); err != nil {
		return nil, err
	}
	buf.WriteByte('\n')
	return buf.Bytes(), nil
}

// Robots returns robots.txt, which lets every crawler in and names the
// sitemap. Crawlers read robots.txt only at the root of a host, so for a
// project site (https://USER.github.io/REPO/) the file is harmless but
// unread; the sitemap can still be submitted to search engines by hand.
func Robots(s *page.Site) []byte {
	b := []byte("User-agent: *\nAllow: /\n")
	if s.Absolute() {
		b = append(b, "Sitemap: "+s.Permalink("sitemap.xml")+"\n"...)
	}
	return b
}
