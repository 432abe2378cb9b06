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
	if err := os.MkdirAll(filepath.Dir(md), 0o755); err != nil {
		return err
	}
	if err := createNew(md, newArticle(path.Base(rel), time.Now())); err != nil {
		return err
	}
	if err := createNew(sidecar, newSidecar); err != nil {
		os.Remove(md) // leave nothing half made
		return err
	}
	fmt.Fprintf(e.stdout, "created %s\ncreated %s\n", md, sidecar)
	return nil
}

// createNew writes a file that must not exist yet; O_EXCL makes the check
// and the creation one step, so nothing is ever overwritten.
func createNew(name, text string) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%s already exists; not overwriting it", name)
	}
	if err != nil {
		return err
	}
	if _, err := f.WriteString(text); err != nil {
		f.Close()
		return err
	}
	return f.Close()
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
