package site

import "strconv"

// slot is one page of a paginated list: items [lo, hi).
type slot struct {
	lo, hi int
	rel    string // output path: BASE/index.html, BASE/page/N/index.html
	url    string // relative to the site root: BASE, BASE/page/N/
	p      *Paginator
}

// paginate splits n items into pages of at most per (per < 1: all on one
// page). An empty list still has its first page.
func paginate(s *Site, base string, n, per int) []slot {
	if per < 1 {
		per = max(n, 1)
	}
	total := max(1, (n+per-1)/per)
	url := func(i int) string {
		if i == 1 {
			return base
		}
		return base + "page/" + strconv.Itoa(i) + "/"
	}
	links := make([]Link, total)
	for i := range links {
		links[i] = Link{Title: strconv.Itoa(i + 1), URL: s.URL(url(i + 1))}
	}
	slots := make([]slot, total)
	for i := range slots {
		num := i + 1
		p := &Paginator{Number: num, Total: total, Pages: links}
		if num > 1 {
			p.Prev = s.URL(url(num - 1))
		}
		if num < total {
			p.Next = s.URL(url(num + 1))
		}
		slots[i] = slot{lo: i * per, hi: min(n, num*per), rel: url(num) + "index.html", url: url(num), p: p}
	}
	return slots
}
