package page

import (
	"unicode/utf8"

	"github.com/scholia/scholia/generator/slug"
	"golang.org/x/text/unicode/norm"
)

// maxClaimantSlug bounds a claimant's URL segment, in bytes, well under
// the 255 that file systems allow a name.
const maxClaimantSlug = 100

// ClaimPath is where the page of claim id of the article at articlePath
// ("articles/x/") stands: "articles/x/claims/ID/".
func ClaimPath(articlePath, id string) string { return articlePath + "claims/" + id + "/" }

// ClaimantSlug is the URL segment of a claimant's page, made as a tag's.
// Names that differ only in case, punctuation or Unicode form share a page,
// as they name one claimant; a long name is cut at a character.
func ClaimantSlug(name string) string {
	s := slug.Make(norm.NFC.String(name), slug.Letters)
	for len(s) > maxClaimantSlug {
		_, n := utf8.DecodeLastRuneInString(s)
		s = s[:len(s)-n]
	}
	if len(s) > 0 && s[len(s)-1] == '-' {
		s = s[:len(s)-1]
	}
	if s == "" {
		return "unnamed"
	}
	return s
}

// ClaimantPath is where the page of the claimant called name stands:
// "claimants/SLUG/".
func ClaimantPath(name string) string { return "claimants/" + ClaimantSlug(name) + "/" }
