package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"time"
)

var newPathRE = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]*(/[a-z0-9][a-z0-9_-]*)*$`)

func runNew(e *env, args []string) error {
	flags := e.flags("new")
	src := flags.String("src", ".", "the site `folder`")
	if err := e.parse(flags, args); err != nil {
		return err
	}
	if flags.NArg() != 1 {
		return fmt.Errorf("%w: new takes one PATH, such as articles/my-review", errUsage)
	}
	rel := strings.TrimSuffix(strings.TrimPrefix(filepath.ToSlash(flags.Arg(0)), "content/"), ".md")
	if !newPathRE.MatchString(rel) {
		return fmt.Errorf("%w: new %s: PATH is lowercase words joined by '-', in folders, such as articles/my-review", errUsage, flags.Arg(0))
	}
	md := filepath.Join(*src, "content", filepath.FromSlash(rel)+".md")
	sidecar := strings.TrimSuffix(md, ".md") + ".annotations.yaml"
	for _, p := range []string{md, sidecar} {
		if _, err := os.Stat(p); err == nil {
			return fmt.Errorf("%s already exists; not overwriting it", p)
		} else if !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	if err := os.MkdirAll(filepath.Dir(md), 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(md, []byte(newArticle(path.Base(rel), time.Now())), 0o644); err != nil {
		return err
	}
	if err := os.WriteFile(sidecar, []byte(newSidecar), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "created %s\ncreated %s\n", md, sidecar)
	return nil
}

// newArticle is the starting text of an article: a draft, so that it stays
// out of the site until the editor says it is ready.
func newArticle(name string, now time.Time) string {
	title := strings.ReplaceAll(name, "-", " ")
	title = strings.ToUpper(title[:1]) + title[1:]
	return fmt.Sprintf(`---
title: %q
date: %s
description: ""
tags: []
draft: true
original:
  publisher: ""
  author: ""
---

Paste the text under review here, as Markdown.
`, title, now.Format("2006-01-02"))
}

// newSidecar is the starting review: valid as it is, with the shape of a
// claim shown in comments.
const newSidecar = `# The review of the article beside this file. See the README, "Sidecar".
# review:
#   rating: neutral          # very-high, high, neutral, low, very-low
#   summary: |
#     What the piece gets right and wrong, in Markdown.
#   reviewers: [Review desk]
claims: []
#  - id: first-claim
#    quote: the article's own words, as they read
#    claimant: Who makes the claim
#    rating: unsupported     # accurate, mostly-accurate, mixed, misleading, inaccurate, unsupported, not-checkable
#    note: |
#      Why, in Markdown.
#    sources:
#      - title: Where the evidence is
#        url: https://example.org/evidence
`
