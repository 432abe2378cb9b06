package publish

import (
	"encoding/xml"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestSitemapXML(t *testing.T) {
	pages := []SitemapPage{
		{URL: ""},
		{URL: "articles/moon/", Lastmod: time.Date(2026, 11, 2, 23, 30, 0, 0, time.FixedZone("", -5*3600))},
		{URL: "tags/moon/"},
	}
	type url struct {
		Loc     string `xml:"loc"`
		Lastmod string `xml:"lastmod"`
	}
	tests := []struct {
		name string
		base string
		want []url
	}{
		{
			name: "absolute base_url",
			base: "https://example.github.io/proj/",
			want: []url{
				{Loc: "https://example.github.io/proj/"},
				// Lastmod is the day in UTC.
				{Loc: "https://example.github.io/proj/articles/moon/", Lastmod: "2026-11-03"},
				{Loc: "https://example.github.io/proj/tags/moon/"},
			},
		},
		{
			name: "path-only base_url",
			base: "/proj/",
			want: []url{{Loc: "/proj/"}, {Loc: "/proj/articles/moon/", Lastmod: "2026-11-03"}, {Loc: "/proj/tags/moon/"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := Sitemap(testSite(t, tt.base), pages)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(string(b), xml.Header) {
				t.Errorf("no XML declaration:\n%s", b)
			}
			var got struct {
				XMLName xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
				URLs    []url    `xml:"url"`
			}
			if err := xml.Unmarshal(b, &got); err != nil {
				t.Fatalf("%v\n%s", err, b)
			}
			if diff := cmp.Diff(tt.want, got.URLs); diff != "" {
				t.Errorf("urls (-want +got):\n%s", diff)
			}
		})
	}
}

func TestRobotsTxt(t *testing.T) {
	tests := []struct {
		name, base, want string
	}{
		{name: "absolute base_url", base: "https://example.org/", want: "User-agent: *\nAllow: /\nSitemap: https://example.org/sitemap.xml\n"},
		{name: "project site", base: "https://example.github.io/proj/", want: "User-agent: *\nAllow: /\nSitemap: https://example.github.io/proj/sitemap.xml\n"},
		// A Sitemap line must be absolute: without a host there is none.
		{name: "path-only base_url", base: "/", want: "User-agent: *\nAllow: /\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, string(Robots(testSite(t, tt.base)))); diff != "" {
				t.Errorf("robots.txt (-want +got):\n%s", diff)
			}
		})
	}
}
