// Package diag is how Scholia reports problems in a site's content.
//
// Every content error a user sees is one line, PATH:LINE:COL: message, with
// PATH relative to the site root, so that editors and CI annotations can jump
// to the place. A build collects all of them instead of stopping at the first.
//
// # Reporting
//
// Packages that read content return *Error values (or a List of them) with
// the position where the problem is:
//
//	return &diag.Error{Path: "content/a.md", Line: 3, Col: 7, Msg: `unknown key "titel"; did you mean "title"?`}
//
// Callers collect them in a List, which is itself an error:
//
//	var errs diag.List
//	errs.Add(err)       // flattens nested Lists, ignores nil
//	return errs.Err()   // nil when nothing was added
//
// # Formats
//
// Error.Error gives the text form. Format writes a List in one of the formats
// of `scholia check -format`: text, json or github (workflow commands that
// GitHub Actions shows as annotations).
package diag

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Error is one content problem at a place in a file.
type Error struct {
	Path string // relative to the site root, slash-separated
	Line int    // 1-based; 0 when the problem is about the whole file
	Col  int    // 1-based; 0 when unknown
	Msg  string
	Err  error // the underlying cause, for errors.Is; may be nil
	// Warning marks a problem that does not stop a build, such as a
	// symbolic link that was skipped.
	Warning bool
}

// Error formats e as PATH:LINE:COL: message (PATH:LINE:COL: warning:
// message for a warning), or just the message when it has no place. The
// text is escaped by Escape, so it is always one safe line.
func (e *Error) Error() string {
	msg := Escape(oneLine(e.Msg))
	if e.Warning {
		msg = "warning: " + msg
	}
	if e.Path == "" {
		return msg
	}
	return e.Pos() + ": " + msg
}

// Pos formats the place of e as PATH:LINE:COL, leaving out what is unknown.
// The path is escaped by Escape.
func (e *Error) Pos() string {
	p := Escape(e.Path)
	switch {
	case e.Line == 0:
		return p
	case e.Col == 0:
		return fmt.Sprintf("%s:%d", p, e.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p, e.Line, e.Col)
}

// Escape makes text from content safe to show on a terminal or in a log:
// control characters (ESC, a line break that would forge a line of its
// own) and bidirectional controls (which reorder what a reader sees)
// become Go escapes like \x1b, \n and \u202e. Every other character, in
// any script, is kept.
func Escape(s string) string {
	if !strings.ContainsFunc(s, unsafeRune) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if unsafeRune(r) {
			q := strconv.QuoteRune(r)
			if strings.HasPrefix(q, "'\\") {
				b.WriteString(q[1 : len(q)-1])
			} else {
				fmt.Fprintf(&b, "\\u%04x", r)
			}
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func unsafeRune(r rune) bool {
	switch {
	case unicode.Is(unicode.Cc, r), r == utf8.RuneError:
		return true
	case r == 0x061C, r == 0x200E, r == 0x200F, r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}

// Unwrap returns the underlying cause.
func (e *Error) Unwrap() error { return e.Err }

// Errorf returns an *Error at path:line:col with a formatted message. A %w
// verb in format sets Err, so errors.Is sees through it.
func Errorf(path string, line, col int, format string, args ...any) *Error {
	err := fmt.Errorf(format, args...)
	return &Error{Path: path, Line: line, Col: col, Msg: err.Error(), Err: errors.Unwrap(err)}
}

// List is a set of content errors; it is an error itself when not empty.
type List []*Error

// Add appends err to l. A List is flattened, nil is ignored, and any other
// error becomes an *Error without a place.
func (l *List) Add(err error) {
	if err == nil {
		return
	}
	var list List
	if errors.As(err, &list) {
		*l = append(*l, list...)
		return
	}
	var e *Error
	if errors.As(err, &e) {
		*l = append(*l, e)
		return
	}
	*l = append(*l, &Error{Msg: err.Error(), Err: err})
}

// Err returns l as an error, or nil when it is empty.
func (l List) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// Error joins the errors of l, one per line.
func (l List) Error() string {
	lines := make([]string, len(l))
	for i, e := range l {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// Unwrap gives errors.Is and errors.As access to every error in l.
func (l List) Unwrap() []error {
	errs := make([]error, len(l))
	for i, e := range l {
		errs[i] = e
	}
	return errs
}

// Sort orders l by path, line and column, so output is stable whatever order
// a parallel build found the errors in.
func (l List) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i], l[j]
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
}

// Format writes l to w as "text", "json" or "github".
func Format(w io.Writer, l List, format string) error {
	switch format {
	case "text", "":
		for _, e := range l {
			if _, err := fmt.Fprintln(w, e.Error()); err != nil {
				return err
			}
		}
		return nil
	case "json":
		type item struct {
			Path     string `json:"path"`
			Line     int    `json:"line"`
			Col      int    `json:"col"`
			Severity string `json:"severity"`
			Message  string `json:"message"`
		}
		items := make([]item, 0, len(l))
		for _, e := range l {
			items = append(items, item{Escape(e.Path), e.Line, e.Col, e.severity(), Escape(oneLine(e.Msg))})
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(items)
	case "github":
		for _, e := range l {
			if _, err := fmt.Fprintf(w, "::%s file=%s,line=%d,col=%d::%s\n", e.severity(),
				githubProp(Escape(e.Path)), e.Line, e.Col, githubData(Escape(oneLine(e.Msg)))); err != nil {
				return err
			}
		}
		return nil
	}
	return fmt.Errorf("unknown format %q (want text, json or github)", format)
}

func (e *Error) severity() string {
	if e.Warning {
		return "warning"
	}
	return "error"
}

// oneLine keeps the one-error-per-line promise even if a message has breaks.
func oneLine(s string) string { return strings.ReplaceAll(s, "\n", " ") }

// githubData and githubProp escape as GitHub's workflow commands require.
func githubData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func githubProp(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

// CheckUTF8 returns an error at the first byte of src that is not UTF-8,
// or nil when all of it is. src is the text of path from line firstLine on.
// A build must not guess an encoding: replacing such bytes would change
// the text under review without saying so.
func CheckUTF8(path string, src []byte, firstLine int) *Error {
	if utf8.Valid(src) {
		return nil
	}
	line, col := firstLine, 1
	for i := 0; i < len(src); {
		r, n := utf8.DecodeRune(src[i:])
		switch {
		case r == utf8.RuneError && n <= 1:
			return Errorf(path, line, col, "byte 0x%02X is not UTF-8: save the file as UTF-8 (an editor's \"Save with encoding\" or iconv -f windows-1252 -t utf-8)", src[i])
		case r == '\n':
			line, col = line+1, 1
		default:
			col++
		}
		i += n
	}
	return nil
}
