package config

import "github.com/scholia/scholia/generator/slug"

// DefaultClaimScale returns the claim scale of a site that does not set
// one: five grades from accurate (5) to inaccurate (1), then two grades off
// the scale.
func DefaultClaimScale() Scale {
	return Scale{
		{ID: "accurate", Label: "Accurate", Glyph: "✓", Value: intp(5),
			Description: "The claim is correct and nothing significant is missing."},
		{ID: "mostly-accurate", Label: "Mostly accurate", Glyph: "≈", Value: intp(4),
			Description: "The claim is correct but needs clarification or additional information."},
		{ID: "mixed", Label: "Mixed", Glyph: "±", Value: intp(3),
			Description: "The claim is partly accurate and partly inaccurate."},
		{ID: "misleading", Label: "Misleading", Glyph: "!", Value: intp(2),
			Description: "The claim holds some truth but leaves out or distorts facts in a way that gives a false impression."},
		{ID: "inaccurate", Label: "Inaccurate", Glyph: "✗", Value: intp(1),
			Description: "The claim is false."},
		{ID: "unsupported", Label: "Unsupported", Glyph: "?",
			Description: "The available evidence neither supports the claim nor shows it to be false."},
		{ID: "not-checkable", Label: "Opinion / not checkable", Glyph: "○",
			Description: "The claim is an opinion or a prediction, or cannot be checked against evidence."},
	}
}

// DefaultArticleScale returns the article scale of a site that does not
// set one: the credibility of the article as a whole, +2 to -2.
func DefaultArticleScale() Scale {
	return Scale{
		{ID: "very-high", Label: "Very high credibility", Value: intp(2),
			Description: "The article is accurate throughout, well sourced and fairly framed."},
		{ID: "high", Label: "High credibility", Value: intp(1),
			Description: "The article is mostly accurate and sourced, with minor flaws."},
		{ID: "neutral", Label: "Neutral", Value: intp(0),
			Description: "The article mixes sound and flawed reporting, or its main claims cannot be checked."},
		{ID: "low", Label: "Low credibility", Value: intp(-1),
			Description: "The article relies on weak, missing or misrepresented evidence."},
		{ID: "very-low", Label: "Very low credibility", Value: intp(-2),
			Description: "The article's central claims are false or unsupported."},
	}
}

func intp(v int) *int { return &v }

// Grade returns the grade of s with the given id.
func (s Scale) Grade(id string) (Grade, bool) {
	for _, g := range s {
		if g.ID == id {
			return g, true
		}
	}
	return Grade{}, false
}

// Best returns the highest value of s (ClaimReview bestRating); ok is false
// when no grade of s has a value.
func (s Scale) Best() (best int, ok bool) {
	for _, g := range s {
		if g.Value != nil && (!ok || *g.Value > best) {
			best, ok = *g.Value, true
		}
	}
	return best, ok
}

// Worst returns the lowest value of s (ClaimReview worstRating); ok is false
// when no grade of s has a value.
func (s Scale) Worst() (worst int, ok bool) {
	for _, g := range s {
		if g.Value != nil && (!ok || *g.Value < worst) {
			worst, ok = *g.Value, true
		}
	}
	return worst, ok
}

// IDs returns the ids of s's grades, best first.
func (s Scale) IDs() []string {
	ids := make([]string, len(s))
	for i, g := range s {
		ids[i] = g.ID
	}
	return ids
}

// ValidID reports whether id is a valid grade or claim id: one or more
// lowercase ASCII letters, digits and "-".
func ValidID(id string) bool {
	if id == "" {
		return false
	}
	for _, r := range id {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
			return false
		}
	}
	return true
}

// SuggestID turns s into a valid id as well as it can ("Mostly True" ->
// "mostly-true"), for messages; it may return "".
func SuggestID(s string) string {
	return slug.Make(s, slug.ASCII)
}
