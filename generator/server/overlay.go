package server

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/scholia/scholia/generator/diag"
)

// contextLines is how many lines of source the overlay shows on each side
// of an error's line.
const contextLines = 3

// maxLineRunes cuts very long source lines (a paragraph is one line in
// Markdown) so the overlay stays readable; the error's column stays in view.
const maxLineRunes = 240

// errorView is one error as the browser overlay shows it: the place, the
// message and the source lines around it. It is sent as JSON; the overlay
// puts every string in the page as text, never as HTML.
type errorView struct {
	Pos     string        `json:"pos"` // PATH:LINE:COL, as in the terminal
	Path    string        `json:"path"`
	Line    int           `json:"line"`
	Col     int           `json:"col"`
	Message string        `json:"message"`
	Context []contextLine `json:"context,omitempty"`
}

// contextLine is a line of source around an error. The error's own line is
// split at the column into Text (before), Mark (the character at the
// column) and After, so the overlay can underline the column.
type contextLine struct {
	N     int    `json:"n"`
	Text  string `json:"text"`
	Error bool   `json:"error,omitempty"`
	Mark  string `json:"mark,omitempty"`
	After string `json:"after,omitempty"`
}

// errorViews turns a build's error into what the overlay shows, reading the
// source lines with source (Site.Source). An error that is not a diag.List
// or *diag.Error becomes one view without a place.
func errorViews(err error, source func(rel string) ([]byte, bool)) []errorView {
	var list diag.List
	list.Add(err)
	list.Sort()
	views := make([]errorView, 0, len(list))
	for _, e := range list {
		// Shown as text (never as HTML), and escaped as on the terminal: a
		// bidirectional override in a file name must not reorder the overlay.
		v := errorView{Pos: e.Pos(), Path: diag.Escape(e.Path), Line: e.Line, Col: e.Col, Message: diag.Escape(e.Msg)}
		if e.Path == "" {
			v.Pos = ""
		}
		if e.Path != "" && e.Line > 0 && source != nil {
			if src, ok := source(e.Path); ok {
				v.Context = contextOf(src, e.Line, e.Col)
			}
		}
		views = append(views, v)
	}
	return views
}

// contextOf returns the lines line-contextLines .. line+contextLines of src
// (1-based), with the error line split at col (1-based, in characters).
func contextOf(src []byte, line, col int) []contextLine {
	lines := bytes.Split(src, []byte("\n"))
	if line > len(lines) {
		return nil
	}
	var out []contextLine
	for n := max(1, line-contextLines); n <= min(len(lines), line+contextLines); n++ {
		text := strings.TrimRight(strings.ToValidUTF8(string(lines[n-1]), "\uFFFD"), "\r")
		if n != line {
			out = append(out, contextLine{N: n, Text: clip(untab(text), 0)})
			continue
		}
		runes := []rune(text)
		c := min(max(col-1, 0), len(runes))
		start := 0
		if c > maxLineRunes-40 {
			start = c - (maxLineRunes - 40)
		}
		l := contextLine{N: n, Error: true, Text: untab(string(runes[start:c]))}
		if start > 0 {
			l.Text = "…" + l.Text
		}
		if c < len(runes) {
			l.Mark = untab(string(runes[c]))
			l.After = clip(untab(string(runes[c+1:])), utf8.RuneCountInString(l.Text)+1)
		} else {
			l.Mark = " " // the error is at the end of the line
		}
		out = append(out, l)
	}
	return out
}

// clip cuts s so that used+len(s) stays within maxLineRunes.
func clip(s string, used int) string {
	keep := max(maxLineRunes-used, 20)
	if utf8.RuneCountInString(s) <= keep {
		return s
	}
	return string([]rune(s)[:keep]) + "…"
}

// untab shows tabs as four spaces; it runs after the line is split at the
// error's column, which counts a tab as one character.
func untab(s string) string { return strings.ReplaceAll(s, "\t", "    ") }
