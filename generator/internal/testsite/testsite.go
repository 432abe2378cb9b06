// Package testsite makes sites for tests and benchmarks: a generated site of
// any size, and a way to write a site's files to disk.
//
// # Use
//
//	files := testsite.Generated(1000) // 1,000 annotated articles
//	if err := testsite.Write(dir, files); err != nil { ... }
//
// Generated sites are made in memory on every run, so no benchmark corpus is
// ever committed.
//
// # Archives
//
// [Archive] writes a larger, more varied site straight to disk, the same
// for the same seed: articles of about 1,000 words with headings, lists,
// emphasis, links, a blockquote and a code block, and sidecars of 10 claims
// each. The benchmark (package benchmark) builds archives of 1,000 and
// 10,000 articles this way:
//
//	if err := testsite.Archive(dir, 1000, 1); err != nil { ... }
package testsite

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Generated returns the files of a site of n annotated articles of about
// 600 words and 8 claims each, with emphasis inside quoted passages, by
// slash path.
func Generated(n int) map[string]string {
	files := map[string]string{"site.yaml": "title: Generated\n"}
	words := strings.Fields("the committee said that its members had reviewed every report and found no evidence of the payments described by the minister in his statement to parliament last spring")
	for i := range n {
		var body, sidecar strings.Builder
		fmt.Fprintf(&body, "---\ntitle: Article %d\ndate: 2026-%02d-%02d\ntags: [t%d, common]\n---\n\n", i, i%12+1, i%28+1, i%10)
		sidecar.WriteString("review:\n  rating: low\n  summary: A generated review.\nclaims:\n")
		for p := range 24 {
			fmt.Fprintf(&body, "Paragraph %d of article %d: ", p, i)
			for w := range 25 {
				if w == 5 {
					body.WriteString("*")
				}
				body.WriteString(words[(p*7+w)%len(words)])
				if w == 7 {
					body.WriteString("*")
				}
				body.WriteString(" ")
			}
			body.WriteString("\n\n")
			if p%3 == 0 {
				fmt.Fprintf(&sidecar, "  - id: c%d\n    quote: \"Paragraph %d of article %d: %s\"\n    rating: mixed\n    note: A *generated* note.\n    sources:\n      - title: Source\n        url: https://example.org/%d\n",
					p, p, i, strings.Join([]string{words[(p*7)%len(words)], words[(p*7+1)%len(words)], words[(p*7+2)%len(words)]}, " "), p)
			}
		}
		files[fmt.Sprintf("content/articles/a%04d.md", i)] = body.String()
		files[fmt.Sprintf("content/articles/a%04d.annotations.yaml", i)] = sidecar.String()
	}
	return files
}

// Write writes files (slash paths) under dir, making folders as needed.
func Write(dir string, files map[string]string) error {
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// Read reads every file under dir, hidden ones too, by slash path: the
// inverse of Write, for comparing built sites.
func Read(dir string) (map[string]string, error) {
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = string(b)
		return err
	})
	return files, err
}
