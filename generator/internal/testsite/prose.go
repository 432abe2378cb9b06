package testsite

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// A small vocabulary, combined at random into sentences of a few shapes:
// enough variety that 5-word runs rarely repeat within an article, and no
// quotes, dashes or apostrophes, so the typographer never changes the
// text a quote must match.
var (
	dets  = strings.Fields("the a every one each this that no some another")
	adjs  = strings.Fields("public local former senior regional annual secret official federal private early final rural urban narrow broad internal foreign recent quiet certain modest rapid costly vague")
	nouns = strings.Fields("minister committee report council budget agency court audit survey ministry contract inquiry official witness statement election company province policy bank project document hospital school harbour railway union mayor treaty figure archive")
	verbs = strings.Fields("reviewed described denied approved questioned published rejected confirmed delayed funded reported signed ignored examined challenged cited revised blocked disclosed estimated praised doubted announced recorded")
	preps = strings.Fields("of in for with from after before under about near during against")
	conjs = strings.Fields("and but while because although")
	advs  = strings.Fields("quietly openly later twice briefly formally reportedly again")
)

// word is one word of generated prose: text as it renders, Markdown
// before and after it (emphasis, strong, link), then its punctuation.
type word struct {
	text, open, close, punct string
	emph                     bool // inside *emphasis*: quotes across this edge span inline formatting
}

// rendered is how w reads in the article's text.
func (w word) rendered() string { return w.text + w.punct }

type prose struct{ r *rand.Rand }

func (p prose) pick(list []string) string { return list[p.r.IntN(len(list))] }

// phrase is a noun phrase: a determiner, sometimes an adjective, a noun.
func (p prose) phrase() []string {
	ws := []string{p.pick(dets)}
	if p.r.IntN(2) == 0 {
		ws = append(ws, p.pick(adjs))
	}
	return append(ws, p.pick(nouns))
}

// clause is "NP [adverb] verb NP [preposition NP | by N percent]".
func (p prose) clause() []string {
	ws := p.phrase()
	if p.r.IntN(4) == 0 {
		ws = append(ws, p.pick(advs))
	}
	ws = append(append(ws, p.pick(verbs)), p.phrase()...)
	switch p.r.IntN(3) {
	case 0:
		ws = append(append(ws, p.pick(preps)), p.phrase()...)
	case 1:
		if p.r.IntN(2) == 0 {
			ws = append(ws, "by", fmt.Sprint(2+p.r.IntN(60)), "percent")
		} else {
			ws = append(ws, "in", fmt.Sprint(1990+p.r.IntN(36)))
		}
	}
	return ws
}

// sentence is one or two clauses, capitalised, ending with a full stop.
func (p prose) sentence() []word {
	ws := p.clause()
	comma := -1
	if p.r.IntN(3) == 0 {
		comma = len(ws) - 1
		ws = append(append(ws, p.pick(conjs)), p.clause()...)
	}
	out := make([]word, len(ws))
	for i, t := range ws {
		out[i] = word{text: t}
	}
	out[0].text = capital(out[0].text)
	if comma >= 0 {
		out[comma].punct = ","
	}
	out[len(out)-1].punct = "."
	return out
}

// paragraph is n sentences with inline formatting on runs of words: one
// or two emphasis runs, sometimes strong, sometimes a link.
func (p prose) paragraph(n int) []word {
	var ws []word
	for range n {
		ws = append(ws, p.sentence()...)
	}
	used := make([]bool, len(ws))
	p.format(ws, used, 1+p.r.IntN(2), func(w []word) {
		w[0].open, w[len(w)-1].close = "*"+w[0].open, w[len(w)-1].close+"*"
		for i := range w {
			w[i].emph = true
		}
	})
	if p.r.IntN(2) == 0 {
		p.format(ws, used, 1, func(w []word) { w[0].open, w[len(w)-1].close = "**", "**" })
	}
	if p.r.IntN(2) == 0 {
		url := fmt.Sprintf("https://example.org/%s/%d", p.pick(nouns), p.r.IntN(1000))
		p.format(ws, used, 1, func(w []word) { w[0].open, w[len(w)-1].close = "[", "]("+url+")" })
	}
	return ws
}

// format applies f to count runs of 1-3 words that are not yet
// formatted, whose inner words carry no punctuation (so that "*" and "]"
// stay next to letters), leaving a word free on each side.
func (p prose) format(ws []word, used []bool, count int, f func([]word)) {
	for range count {
		for range 20 {
			n := 1 + p.r.IntN(3)
			i := 1 + p.r.IntN(max(1, len(ws)-n-1))
			if i+n >= len(ws) || !free(ws, used, i-1, i+n+1) {
				continue
			}
			for j := i; j < i+n; j++ {
				used[j] = true
			}
			f(ws[i : i+n])
			break
		}
	}
}

// free says whether ws[from:to] is unformatted and has punctuation only
// on its last word.
func free(ws []word, used []bool, from, to int) bool {
	for j := from; j < to; j++ {
		if used[j] || (j > from && j < to-2 && ws[j].punct != "") {
			return false
		}
	}
	return true
}

// markdown writes ws as Markdown source.
func markdown(ws []word) string {
	var b strings.Builder
	for i, w := range ws {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w.open + w.text + w.close + w.punct)
	}
	return b.String()
}

// plain is ws as it renders, normalised: what quotes match.
func plain(ws []word) string {
	s := make([]string, len(ws))
	for i, w := range ws {
		s[i] = w.rendered()
	}
	return strings.Join(s, " ")
}

// title is a few capitalised words.
func (p prose) title() string {
	ws := []string{p.pick(adjs), p.pick(nouns), p.pick(preps), p.pick(nouns)}
	for i, w := range ws {
		ws[i] = capital(w)
	}
	return strings.Join(ws, " ")
}

// capital is s with its first letter in upper case (the vocabulary is
// ASCII).
func capital(s string) string { return strings.ToUpper(s[:1]) + s[1:] }
