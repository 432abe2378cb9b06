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
	slots := make([]Slot, total)
	for i := range slots {
		num := i + 1
		p := &Paginator{Number: num, Total: total, Pages: window(num, total, func(i int) string { return s.URL(url(i)) })}
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

// pagerReach is how many pages before and after the current one a pager
// links to, besides the first and the last.
const pagerReach = 2

// window is the pages a pager shows around page num of total: the first,
// the last, and pagerReach on each side, with a gap (Number 0) for each
// run left out. Linking to every page would make each page's pager grow
// with the list, and the list's pages with its square.
func window(num, total int, url func(int) string) []PageLink {
	var out []PageLink
	for i := 1; i <= total; i++ {
		switch {
		case i == 1 || i == total || i >= num-pagerReach && i <= num+pagerReach:
			out = append(out, PageLink{Number: i, URL: url(i)})
		case len(out) > 0 && out[len(out)-1].Number != 0:
			out = append(out, PageLink{})
		}
		if i > 1 && i < num-pagerReach {
			i = num - pagerReach - 1 // skip the run before the window
		} else if i > num+pagerReach && i < total {
			i = total - 1 // and the run after it
		}
	}
	return out
}
