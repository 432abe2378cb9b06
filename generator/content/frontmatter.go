package content

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/scholia/scholia/generator/diag"
	"github.com/scholia/scholia/generator/slug"
	"github.com/scholia/scholia/generator/strictyaml"
)

var frontKeys = []string{"title", "date", "lastmod", "description", "tags", "author",
	"draft", "original", "slug", "typographer", "params"}

const utf8BOM = "\uFEFF"

// DecodeFront reads the front matter of an article file: path names it
// (relative to the site root) in errors, src is its text. It returns the
// front matter, the body (src with every byte of the front matter, its
// "---" lines and a byte order mark blanked to a space, line breaks kept, so
// offsets and line:col into body are those of src) and the problems found,
// as a diag.List.
func DecodeFront(path string, src []byte) (Front, []byte, error) {
	front, body, _, err := decodeFront(path, src, 0)
	return front, body, err
}

// decodeFront is DecodeFront with a limit on the YAML's nesting (0: the
// default), also returning the position of slug.
func decodeFront(path string, src []byte, depth int) (Front, []byte, Pos, error) {
	yamlText, end, err := splitFront(path, src)
	if err != nil {
		return Front{}, nil, Pos{}, diag.List{err}
	}
	front, slugPos, ferr := decodeFrontYAML(path, yamlText, depth)
	return front, blank(src, end), slugPos, ferr
}

// splitFront finds the front matter of src: the YAML between a first line
// "---" and the next line "---". end is the offset of the end of the closing
// line (before its line break).
func splitFront(path string, src []byte) (yamlText []byte, end int, err *diag.Error) {
	start := 0
	if bytes.HasPrefix(src, []byte(utf8BOM)) {
		start = len(utf8BOM)
	}
	first, next := line(src, start)
	switch strings.TrimRight(string(first), " \t\r") {
	case "---":
	case "+++":
		return nil, 0, diag.Errorf(path, 1, 1, `TOML front matter is not supported: write it as YAML between two "---" lines`)
	default:
		return nil, 0, diag.Errorf(path, 1, 1, `missing front matter: add a title at the top of the file, between two "---" lines`)
	}
	for pos := next; pos < len(src); {
		l, after := line(src, pos)
		if strings.TrimRight(string(l), " \t\r") == "---" {
			return src[next:pos], pos + len(l), nil
		}
		pos = after
	}
	return nil, 0, diag.Errorf(path, 1, 1, `the front matter is not closed: add a line "---" after it`)
}

// line returns the line of src starting at pos, without its '\n', and the
// offset of the next line.
func line(src []byte, pos int) ([]byte, int) {
	if i := bytes.IndexByte(src[pos:], '\n'); i >= 0 {
		return src[pos : pos+i], pos + i + 1
	}
	return src[pos:], len(src)
}

// blank returns a copy of src with every byte before end but '\n' replaced
// by a space.
func blank(src []byte, end int) []byte {
	body := bytes.Clone(src)
	for i := range end {
		if body[i] != '\n' {
			body[i] = ' '
		}
	}
	return body
}

// decodeFrontYAML decodes the front matter text, which starts on line 2.
func decodeFrontYAML(path string, text []byte, depth int) (Front, Pos, error) {
	var f Front
	d, root := strictyaml.Parse(path, text, 2, depth)
	m := d.Map(root, "front matter", " (put your own keys under params:)", frontKeys...)

	var errs diag.List
	f.Title = strings.TrimSpace(d.String(m.Get("title"), "title"))
	if f.Title == "" && !d.SyntaxError() {
		switch k := d.Kind(root); {
		case m.Has("title") && d.Kind(m.Get("title")) != strictyaml.Sequence && d.Kind(m.Get("title")) != strictyaml.Mapping:
			d.Errorf(m.Get("title"), "title is empty: give the article a title")
		case !m.Has("title") && (k == strictyaml.Absent || k == strictyaml.Null || k == strictyaml.Mapping):
			errs = append(errs, diag.Errorf(path, 1, 1, `missing title: add "title: ..." to the front matter`))
		}
	}
	f.Date = d.Date(m.Get("date"), "date")
	f.Lastmod = d.Date(m.Get("lastmod"), "lastmod")
	f.Description = d.String(m.Get("description"), "description")
	f.Tags = d.Strings(m.Get("tags"), "tags")
	f.Author = d.String(m.Get("author"), "author")
	f.Draft = d.Bool(m.Get("draft"), "draft")
	if n := m.Get("typographer"); n.Given() {
		t := d.Bool(n, "typographer")
		f.Typographer = &t
	}
	if n := m.Get("original"); n.Given() {
		f.Original = decodeOriginal(d, n, "original")
	}
	var slugPos Pos
	if n := m.Get("slug"); n.Given() {
		f.Slug = d.String(n, "slug")
		if err := checkSlug(f.Slug); err != nil {
			d.Errorf(n, "%s", err)
		}
		slugPos.Line, slugPos.Col = d.FilePos(n)
	}
	if n := m.Get("params"); n.Given() {
		if p, ok := d.Any(n).(map[string]any); ok {
			f.Params = p
		} else {
			d.Errorf(n, "params must be a mapping of \"key: value\" lines")
		}
	}
	errs.Add(d.Err())
	errs.Sort()
	return f, slugPos, errs.Err()
}

// checkSlug accepts one safe path segment: lowercase letters, digits, "-",
// "_" and ".", but not "." or "..".
func checkSlug(s string) error {
	switch {
	case s == "":
		return fmt.Errorf("slug is empty: remove it to use the file name, or give one like %q", "my-article")
	case s == "." || s == "..":
		return fmt.Errorf("slug %q is not a name: give one like %q", s, "my-article")
	case strings.ContainsAny(s, `/\`):
		return fmt.Errorf("slug %q must be one path segment, without \"/\": move the file into a folder instead", s)
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '_' || r == '.') {
			return fmt.Errorf("slug %q may use only lowercase letters, digits, \"-\", \"_\" and \".\"%s", s, slugHint(s))
		}
	}
	return nil
}

func slugHint(s string) string {
	keep := func(r rune) bool { return slug.ASCII(r) || r == '_' || r == '.' }
	if t := strings.Trim(slug.Make(s, keep), "."); t != "" {
		return fmt.Sprintf(": like %q", t)
	}
	return ""
}
