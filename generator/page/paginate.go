package page

import "strconv"

// Slot is one page of a paginated list: items [Lo, Hi).
type Slot struct {
	Lo, Hi    int
	Rel       string // output path: BASE/index.html, BASE/page/N/index.html
	URL       string // relative to the site root: BASE, BASE/page/N/
	Paginator *Paginator
}

// Paginate splits n items into pages of at most per (per < 1: all on one
// page). An empty list still has its first page.
func Paginate(s *Site, base string, n, per int) []Slot {
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
	slots := make([]Slot, total)
	for i := range slots {
		num := i + 1
		p := &Paginator{Number: num, Total: total, Pages: links}
		if num > 1 {
			p.Prev = s.URL(url(num - 1))
		}
		if num < total {
			p.Next = s.URL(url(num + 1))
		}
		slots[i] = Slot{Lo: i * per, Hi: min(n, num*per), Rel: url(num) + "index.html", URL: url(num), Paginator: p}
	}
	return slots
}
