package config

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/scholia/scholia/generator/anchor"
	"github.com/scholia/scholia/generator/markup"
	"github.com/scholia/scholia/generator/strictyaml"
)

// Limits bound the work that one file of content can cause. Each is
// checked before the expensive step it guards, so a hostile or broken file
// fails at once with an error that names the limit, instead of taking the
// build's memory or time. The defaults are far above what real articles
// need; a site raises one in site.yaml:
//
//	limits:
//	  file_size: 16MiB       # an article or sidecar; bytes, or KiB/MiB/GiB
//	  yaml_depth: 32         # nesting of front matter and sidecars
//	  search_work: 100000000 # approximate search per missing quote
//	  markdown_depth: 100    # and the other Markdown limits of markup.Limits
type Limits struct {
	FileSize   int64 // bytes of one article or sidecar
	YAMLDepth  int   // collections nested in front matter or a sidecar
	SearchWork int   // steps of the approximate search for one quote
	// Markdown bounds the Markdown of an article or note; its size is
	// bounded by FileSize.
	Markdown markup.Limits
}

// DefaultLimits returns the limits of a site that sets none.
func DefaultLimits() Limits {
	l := Limits{
		FileSize:   4 << 20,
		YAMLDepth:  strictyaml.DefaultDepth,
		SearchWork: anchor.DefaultMaxWork,
		Markdown:   markup.DefaultLimits(),
	}
	l.Markdown.MarkdownSize = int(l.FileSize)
	return l
}

// intLimits are the whole-number keys of limits and where each goes.
func (l *Limits) intLimits() []intLimit {
	m := &l.Markdown
	return []intLimit{
		{"yaml_depth", &l.YAMLDepth},
		{"search_work", &l.SearchWork},
		{"markdown_depth", &m.MarkdownDepth},
		{"table_columns", &m.TableColumns},
		{"table_cells", &m.TableCells},
		{"table_escaped_pipes", &m.TableEscapedPipes},
		{"paragraph_brackets", &m.ParagraphBrackets},
		{"paragraph_emphasis", &m.ParagraphEmphasis},
		{"paragraph_code_spans", &m.ParagraphCodeSpans},
		{"paragraph_lines", &m.ParagraphLines},
		{"inline_marks", &m.InlineMarks},
	}
}

type intLimit struct {
	key string
	to  *int
}

// decodeLimits reads the limits mapping over the defaults in l.
func decodeLimits(d *strictyaml.Decoder, n strictyaml.Node, l *Limits) {
	ints := l.intLimits()
	keys := []string{"file_size"}
	for _, f := range ints {
		keys = append(keys, f.key)
	}
	m := d.Map(n, "limits", "", keys...)
	if k := m.Get("file_size"); k.Given() {
		if v, err := parseSize(d.String(k, "file_size")); err != nil {
			d.Errorf(k, "limits.file_size: %v", err)
		} else {
			l.FileSize = v
			l.Markdown.MarkdownSize = int(min(v, 1<<40))
		}
	}
	for _, f := range ints {
		k := m.Get(f.key)
		if !k.Given() {
			continue
		}
		if v, ok := d.Int(k, f.key); ok {
			if v < 1 {
				d.Errorf(k, "limits.%s must be 1 or more, not %d", f.key, v)
			} else {
				*f.to = v
			}
		}
	}
}

var sizeUnits = []struct {
	suffix string
	factor int64
}{{"KiB", 1 << 10}, {"MiB", 1 << 20}, {"GiB", 1 << 30}, {"KB", 1e3}, {"MB", 1e6}, {"GB", 1e9}, {"B", 1}}

// parseSize reads a size such as 4194304, "512KiB" or "8MB".
func parseSize(s string) (int64, error) {
	s = strings.TrimSpace(s)
	factor := int64(1)
	for _, u := range sizeUnits {
		if num, ok := strings.CutSuffix(s, u.suffix); ok {
			s, factor = strings.TrimSpace(num), u.factor
			break
		}
	}
	v, err := strconv.ParseInt(s, 10, 64)
	if err != nil || v < 1 || v > (1<<50)/factor {
		return 0, fmt.Errorf("write a size in bytes, or with KiB, MiB or GiB, such as 8MiB")
	}
	return v * factor, nil
}

// FormatSize writes n bytes for a message: "8 MiB", "1500 bytes".
func FormatSize(n int64) string {
	for _, u := range sizeUnits[:3] {
		if n >= u.factor && n%u.factor == 0 && n/u.factor < 1024 {
			return fmt.Sprintf("%d %s", n/u.factor, u.suffix)
		}
	}
	return fmt.Sprintf("%d bytes", n)
}
