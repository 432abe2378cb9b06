package publish

import (
	"encoding/json"

	"github.com/scholia/scholia/generator/page"
)

// ClaimEntry is one claim of the claims index file, as the theme's script
// searches it.
type ClaimEntry struct {
	ID       string `json:"id"`
	Claim    string `json:"claim"`
	Quote    string `json:"quote"`
	Claimant string `json:"claimant,omitempty"`
	Grade    string `json:"grade"`
	Label    string `json:"label"`
	Tone     string `json:"tone"`
	Article  string `json:"article"`
	URL      string `json:"url"` // the claim in its article: ".../#claim-ID"
}

// ClaimsIndex writes claims/index.json: every claim of the site, newest
// article first, for the search box of the claims page. It holds what the
// claims pages show, no more.
func ClaimsIndex(entries []*page.ClaimEntry) ([]byte, error) {
	out := make([]ClaimEntry, 0, len(entries))
	for _, e := range entries {
		who := ""
		if e.Claimant != nil {
			who = e.Claimant.Name
		}
		out = append(out, ClaimEntry{
			ID: e.ID, Claim: e.Claim.Claim, Quote: e.Quote, Claimant: who,
			Grade: e.Grade.ID, Label: e.Grade.Label, Tone: e.Grade.Tone,
			Article: e.ArticleTitle, URL: e.URL,
		})
	}
	b, err := json.MarshalIndent(out, "", " ")
	return append(b, '\n'), err
}
