package fix

import (
	"fmt"
	"strings"
	"time"

	"github.com/scholia/scholia/generator/content"
)

// Log is what fix writes of a changed text into the review: the text it
// now stands for (review.text) and, when Note is not empty, an entry of the
// update log dated Date that says what moved.
type Log struct {
	Text string    // the article's fingerprint, anchor.Doc.Fingerprint
	Date time.Time // the entry's date: today
	// Note is the entry, in the site's language; "" writes none, as for a
	// draft, whose review readers have not seen.
	Note string
}

// record writes l into the sidecar sc through ed, and reports whether it
// changed anything: nothing when the review already stands for the text.
// A sidecar without a review has no fingerprint to keep.
func record(ed *edits, sc *content.Sidecar, l Log) (bool, error) {
	r := sc.Review
	if r == nil || r.Text == l.Text {
		return false, nil
	}
	if r.Text != "" {
		if err := ed.set(r.TextPos, l.Text, false); err != nil {
			return false, err
		}
	} else if err := ed.addUnder(r.Pos, "text", l.Text); err != nil {
		return false, err
	}
	if r.Text == "" || l.Note == "" {
		// A review from before fingerprints: nothing is known to have moved.
		return true, nil
	}
	item := []string{"- date: " + l.Date.Format("2006-01-02"), "  note: " + encode(l.Note, '"')}
	if n := len(sc.Updates); n > 0 {
		return true, ed.appendItem(sc.Updates[n-1].Pos, item)
	}
	ed.appendKey("updates", item)
	return true, nil
}

// addUnder writes "key: s" as the first line after the value of the key at
// first, the first key of a block mapping.
func (e *edits) addUnder(first content.Pos, key, s string) error {
	line := e.lines[first.Line-1]
	if i := byteCol(line, first.Col); strings.Contains(line[:i], "{") {
		return fmt.Errorf("line %d: the review is written on one line: write it as a block to let fix add %s:", first.Line, key)
	}
	return e.add(first, key, s, false)
}

// appendItem writes item as a new last item of the block list whose last
// item's first key is at last.
func (e *edits) appendItem(last content.Pos, item []string) error {
	i := last.Line - 1
	if i < 0 || i >= len(e.lines) {
		return fmt.Errorf("line %d is not in the file", last.Line)
	}
	line := e.lines[i]
	dash := strings.LastIndex(line[:byteCol(line, last.Col)], "-")
	if dash < 0 || strings.TrimSpace(line[:dash]) != "" {
		return fmt.Errorf("line %d: the updates are not a block list: write each on its own - line to let fix add one", last.Line)
	}
	end := i + 1 // after the item's last line that is not blank
	for j := i + 1; j < len(e.lines); j++ {
		l := strings.TrimRight(e.lines[j], "\r\n")
		if strings.TrimSpace(l) == "" {
			continue
		}
		if indentOf(l) <= dash {
			break
		}
		end = j + 1
	}
	pad := strings.Repeat(" ", dash)
	text := ""
	if lineBreak(e.lines[end-1]) == "" {
		text = "\n"
	}
	for _, l := range item {
		text += pad + l + "\n"
	}
	e.ops = append(e.ops, op{from: end, to: end, text: []string{text}})
	return nil
}

// appendKey writes a top-level key with a block list of one item at the
// end of the file.
func (e *edits) appendKey(key string, item []string) {
	text := ""
	if n := len(e.lines); n > 0 && lineBreak(e.lines[n-1]) == "" && e.lines[n-1] != "" {
		text = "\n"
	}
	text += key + ":\n"
	for _, l := range item {
		text += "  " + l + "\n"
	}
	e.ops = append(e.ops, op{from: len(e.lines), to: len(e.lines), text: []string{text}})
}
