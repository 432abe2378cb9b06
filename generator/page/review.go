package page

import (
	"html/template"
	"time"
)

// Reviewer is one person of a review.
type Reviewer struct {
	Name        string
	Role        string // e.g. "Fact-checker"; "" when not given
	URL         string // http(s); "" when not given
	Affiliation string // the organisation they work for; "" when not given
	Person      bool   // written as a mapping, which describes a person
}

// Update is one entry of a review's log, as a page shows it.
type Update struct {
	Date time.Time
	Note template.HTML
	// Claim is the claim the update is about, nil for the whole review;
	// From is the grade it replaced, nil when it replaced none.
	Claim *Claim
	From  *Grade
}

// Names are the names of r's reviewers, to list in a sentence.
func (r *Review) Names() []string {
	names := make([]string, len(r.Reviewers))
	for i, rv := range r.Reviewers {
		names[i] = rv.Name
	}
	return names
}

// Described are those of r's reviewers of whom the sidecar says more than
// a name: a page lists them with their role, affiliation and link.
func (r *Review) Described() []Reviewer {
	var out []Reviewer
	for _, rv := range r.Reviewers {
		if rv.Role != "" || rv.URL != "" || rv.Affiliation != "" {
			out = append(out, rv)
		}
	}
	return out
}
