package content

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestDecodeFrontReadsEveryKey(t *testing.T) {
	src := `---
title: "Russia arming the Taliban?"
date: 2017-07-25
lastmod: 2017-07-26T10:00:00Z
description: A CNN report, reviewed.
tags: [russia, afghanistan]
author: Review desk
draft: true
original:
  url: https://edition.cnn.com/2017/07/25/x
  publisher: CNN
  author: Nick Paton Walsh
  date: 2017-07-25
  archived: https://web.archive.org/x
slug: russia-taliban
params:
  hero: pic.png
  weights: [1, 2]
---
Body.
`
	got, _, err := DecodeFront("content/a.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	day := time.Date(2017, 7, 25, 0, 0, 0, 0, time.UTC)
	want := Front{
		Title:       "Russia arming the Taliban?",
		Date:        day,
		Lastmod:     time.Date(2017, 7, 26, 10, 0, 0, 0, time.UTC),
		Description: "A CNN report, reviewed.",
		Tags:        []string{"russia", "afghanistan"},
		Author:      "Review desk",
		Draft:       true,
		Original: &Original{
			URL:       "https://edition.cnn.com/2017/07/25/x",
			Publisher: "CNN",
			Author:    "Nick Paton Walsh",
			Date:      day,
			Archived:  "https://web.archive.org/x",
		},
		Slug:   "russia-taliban",
		Params: map[string]any{"hero": "pic.png", "weights": []any{1, 2}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("front (-want +got):\n%s", diff)
	}
}

func TestDecodeFrontKeepsOffsets(t *testing.T) {
	tests := []struct {
		name string
		src  string
		end  int // where the front matter ends (after the closing "---")
	}{
		{
			name: "LF",
			src:  "---\ntitle: Ünïcode “quotes”\ntags: [a]\n---\nFirst *line*.\n\nSecond — line.\n",
		},
		{
			name: "CRLF",
			src:  "---\r\ntitle: A\r\ndate: 2026-01-02\r\n---\r\nBody\r\nmore\r\n",
		},
		{
			name: "byte order mark",
			src:  "\uFEFF---\ntitle: A\n---\nBody\n",
		},
		{
			name: "closing line with spaces, no final line break",
			src:  "---\ntitle: A\n---  \nBody",
		},
		{
			name: "body starts right after",
			src:  "---\ntitle: A\n---",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, body, err := DecodeFront("content/a.md", []byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			if len(body) != len(tt.src) {
				t.Fatalf("len(Body) = %d, want %d", len(body), len(tt.src))
			}
			// The front matter ends at the end of the second line "---".
			end := strings.Index(tt.src[3:], "\n---") + 3 + len("\n---")
			for end < len(tt.src) && tt.src[end] != '\n' {
				end++
			}
			for i := range body {
				want := tt.src[i]
				if i < end && want != '\n' {
					want = ' '
				}
				if body[i] != want {
					t.Fatalf("Body[%d] = %q, want %q\nbody: %q", i, body[i], want, body)
				}
			}
			if strings.Count(string(body), "\n") != strings.Count(tt.src, "\n") {
				t.Errorf("line count changed")
			}
		})
	}
}

func TestDecodeFrontErrors(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{
			name: "no front matter",
			src:  "# Title\n\nText.\n",
			want: []string{`content/a.md:1:1: missing front matter: add a title at the top of the file, between two "---" lines`},
		},
		{
			name: "not closed",
			src:  "---\ntitle: A\n\nText.\n",
			want: []string{`content/a.md:1:1: the front matter is not closed: add a line "---" after it`},
		},
		{
			name: "TOML",
			src:  "+++\ntitle = 'A'\n+++\n",
			want: []string{`content/a.md:1:1: TOML front matter is not supported: write it as YAML between two "---" lines`},
		},
		{
			name: "no title",
			src:  "---\ndate: 2026-01-02\n---\n",
			want: []string{`content/a.md:1:1: missing title: add "title: ..." to the front matter`},
		},
		{
			name: "empty front matter",
			src:  "---\n---\n",
			want: []string{`content/a.md:1:1: missing title: add "title: ..." to the front matter`},
		},
		{
			name: "empty title",
			src:  "---\ntitle: \"\"\n---\n",
			want: []string{`content/a.md:2:8: title is empty: give the article a title`},
		},
		{
			name: "unknown key with suggestion, lines of the file",
			src:  "---\ntitle: A\ndescripton: B\n---\n",
			want: []string{`content/a.md:3:1: unknown key "descripton" in front matter; did you mean "description"?`},
		},
		{
			name: "unknown key without suggestion",
			src:  "---\ntitle: A\nhero: x.png\n---\n",
			want: []string{`content/a.md:3:1: unknown key "hero" in front matter; known keys are title, date, lastmod, description, tags, author, draft, original, slug, typographer, params (put your own keys under params:)`},
		},
		{
			name: "wrong types",
			src:  "---\ntitle: A\ntags: russia\ndraft: \"yes\"\n---\n",
			want: []string{
				`content/a.md:3:7: tags must be a list ("- item" lines or [a, b]), not the text "russia"`,
				`content/a.md:4:8: draft must be true or false, not the text "yes"`,
			},
		},
		{
			name: "impossible dates",
			src:  "---\ntitle: A\ndate: 2026-02-30\nlastmod: 2026-04-31T10:00:00Z\n---\n",
			want: []string{
				`content/a.md:3:7: date "2026-02-30" is not a real date (day out of range); write YYYY-MM-DD (2026-11-20) or RFC 3339 (2026-11-20T09:30:00Z)`,
				`content/a.md:4:10: lastmod "2026-04-31T10:00:00Z" is not a real date (day out of range); write YYYY-MM-DD (2026-11-20) or RFC 3339 (2026-11-20T09:30:00Z)`,
			},
		},
		{
			name: "not a date",
			src:  "---\ntitle: A\ndate: 25 July 2017\n---\n",
			want: []string{`content/a.md:3:7: date "25 July 2017" is not a date; write YYYY-MM-DD (2026-11-20) or RFC 3339 (2026-11-20T09:30:00Z)`},
		},
		{
			name: "original: non-http URL, unknown key",
			src:  "---\ntitle: A\noriginal:\n  url: javascript:alert(1)\n  archive: https://web.archive.org/x\n---\n",
			want: []string{
				`content/a.md:4:8: url "javascript:alert(1)" must be an http(s) URL, not javascript: like https://example.org/page`,
				`content/a.md:5:3: unknown key "archive" in original; did you mean "archived"?`,
			},
		},
		{
			name: "slug with a slash",
			src:  "---\ntitle: A\nslug: ../../etc\n---\n",
			want: []string{`content/a.md:3:7: slug "../../etc" must be one path segment, without "/": move the file into a folder instead`},
		},
		{
			name: "slug with capitals and spaces",
			src:  "---\ntitle: A\nslug: My Post\n---\n",
			want: []string{`content/a.md:3:7: slug "My Post" may use only lowercase letters, digits, "-", "_" and ".": like "my-post"`},
		},
		{
			name: "slug dot-dot",
			src:  "---\ntitle: A\nslug: \"..\"\n---\n",
			want: []string{`content/a.md:3:7: slug ".." is not a name: give one like "my-article"`},
		},
		{
			name: "syntax error in the file's lines",
			src:  "---\ntitle: A\ndescription: Russia: the facts\n---\n",
			want: []string{`content/a.md:3:14: YAML syntax error: mapping value is not allowed in this context; if a value contains ": ", put it in quotes, and check the indentation`},
		},
		{
			name: "CRLF positions",
			src:  "---\r\ntitle: A\r\ntitel: B\r\n---\r\n",
			want: []string{`content/a.md:3:1: unknown key "titel" in front matter; did you mean "title"?`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := DecodeFront("content/a.md", []byte(tt.src))
			if diff := cmp.Diff(tt.want, errLines(t, err)); diff != "" {
				t.Errorf("errors (-want +got):\n%s", diff)
			}
		})
	}
}
