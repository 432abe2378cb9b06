package site

import (
	"bytes"
	"encoding/xml"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// TestLinks builds the example site at a project-site base URL and at the
// root, serves it where that base URL says, crawls it from the home page,
// and requires every internal link, asset and #fragment to resolve.
func TestLinks(t *testing.T) {
	for _, tc := range []struct {
		name, base, prefix string
	}{
		{name: "project site", base: "https://example.github.io/proj/", prefix: "/proj/"},
		{name: "root", base: "", prefix: "/"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := build(t, exampleFS, Options{BaseURL: tc.base})
			mux := http.NewServeMux()
			mux.Handle(tc.prefix, http.StripPrefix(strings.TrimSuffix(tc.prefix, "/"), http.FileServer(http.Dir(out))))
			// GitHub Pages answers a missing page at any depth with 404.html,
			// so its links must work from there too.
			deep := tc.prefix + "no/such/page/"
			mux.HandleFunc(deep, func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "text/html; charset=utf-8")
				w.Write([]byte(readTree(t, out)["404.html"]))
			})
			srv := httptest.NewServer(mux)
			defer srv.Close()
			c := &crawler{t: t, client: srv.Client(), root: srv.URL, prefix: tc.prefix, base: tc.base,
				ids: map[string]map[string]bool{}, seen: map[string]bool{}}
			c.visit(srv.URL+tc.prefix, "(start)")
			c.visit(srv.URL+deep, "(a missing page)")
			for len(c.queue) > 0 {
				next := c.queue[0]
				c.queue = c.queue[1:]
				c.visit(next.url, next.from)
			}
			c.checkXML(srv.URL+tc.prefix+"feed.xml", "feed", `href="([^"]+)"`)
			c.checkXML(srv.URL+tc.prefix+"sitemap.xml", "sitemap", `<loc>([^<]+)</loc>`)
			for _, f := range c.fragments {
				if ids, ok := c.ids[f.page]; ok && !ids[f.id] {
					t.Errorf("%s links to #%s, which %s does not have", f.from, f.id, f.page)
				}
			}
			pages := 0
			for range c.ids {
				pages++
			}
			files := readTree(t, out)
			htmlFiles := 0
			for name := range files {
				if strings.HasSuffix(name, ".html") {
					htmlFiles++
				}
			}
			if pages < htmlFiles {
				t.Errorf("the crawl reached %d pages; the site has %d (some are not linked from anywhere)", pages, htmlFiles)
			}
			t.Logf("crawled %d pages, %d links checked", pages, len(c.seen))
		})
	}
}

type crawler struct {
	t                  *testing.T
	client             *http.Client
	root, prefix, base string
	queue              []link
	seen               map[string]bool
	ids                map[string]map[string]bool // page URL -> its ids
	fragments          []fragment
}

type link struct{ url, from string }

type fragment struct{ page, id, from string }

// visit fetches u and, if it is an HTML page, queues what it links to.
func (c *crawler) visit(u, from string) {
	resp, err := c.client.Get(u)
	if err != nil {
		c.t.Errorf("%s: %v", u, err)
		return
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		c.t.Errorf("%s (linked from %s): %s", u, from, resp.Status)
		return
	}
	if !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
		return
	}
	doc, err := html.Parse(bytes.NewReader(body))
	if err != nil {
		c.t.Errorf("%s: %v", u, err)
		return
	}
	ids := map[string]bool{}
	c.ids[u] = ids
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		image := false // a share card: <meta property="og:image" content="URL">
		for _, a := range n.Attr {
			image = image || a.Key == "property" && (a.Val == "og:image") || a.Key == "name" && a.Val == "twitter:image"
		}
		for _, a := range n.Attr {
			switch {
			case a.Key == "id":
				ids[a.Val] = true
			case a.Key == "href" || a.Key == "src" || image && a.Key == "content":
				c.follow(u, a.Val)
			}
		}
	}
}

// follow checks one reference from page: internal ones are queued, and
// absolute URLs to the site itself must use its base URL.
func (c *crawler) follow(page, ref string) {
	r, err := url.Parse(ref)
	if err != nil {
		c.t.Errorf("%s: bad URL %q", page, ref)
		return
	}
	if r.Scheme != "" || r.Host != "" {
		if c.base != "" && strings.HasPrefix(ref, c.base) {
			r, _ = url.Parse(c.root + c.prefix + strings.TrimPrefix(ref, c.base))
		} else {
			return // external: not ours to check
		}
	}
	p, _ := url.Parse(page)
	abs := p.ResolveReference(r)
	if !strings.HasPrefix(abs.Path, c.prefix) {
		c.t.Errorf("%s links to %s, outside the base path %s", page, ref, c.prefix)
		return
	}
	target := abs.Scheme + "://" + abs.Host + abs.Path
	if abs.Fragment != "" {
		c.fragments = append(c.fragments, fragment{page: target, id: abs.Fragment, from: page})
	}
	if !c.seen[target] {
		c.seen[target] = true
		c.queue = append(c.queue, link{target, page})
	}
}

// checkXML parses a feed or sitemap and checks that every URL in it is the
// site's own, under its base URL, and resolves.
func (c *crawler) checkXML(u, what, pattern string) {
	resp, err := c.client.Get(u)
	if err != nil {
		c.t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err := xml.Unmarshal(body, new(struct{})); err != nil {
		c.t.Errorf("%s is not XML: %v", what, err)
	}
	urls := regexp.MustCompile(pattern).FindAllStringSubmatch(string(body), -1)
	if len(urls) == 0 {
		c.t.Errorf("%s has no URLs", what)
	}
	for _, m := range urls {
		ref := html.UnescapeString(m[1])
		if c.base != "" && !strings.HasPrefix(ref, c.base) {
			c.t.Errorf("%s URL %s is not under the base URL %s", what, ref, c.base)
			continue
		}
		c.follow(u, ref)
	}
	for len(c.queue) > 0 {
		next := c.queue[0]
		c.queue = c.queue[1:]
		c.visit(next.url, next.from)
	}
}
