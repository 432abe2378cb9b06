package fix

import (
	"encoding/json"
	"strings"

	"github.com/scholia/scholia/generator/anchor"
)

// OldPositions reads where each claim stood when the site was last built,
// from that build's annotations.jsonld (its TextPositionSelectors), by
// claim id: the "closeness to the old position" of Hypothesis's scoring,
// which a sidecar itself does not record. Unreadable input gives none.
func OldPositions(annotations []byte) map[string]int {
	var page struct {
		Items []struct {
			ID     string `json:"id"`
			Target struct {
				Selector []struct {
					Type  string `json:"type"`
					Start *int   `json:"start"`
				} `json:"selector"`
			} `json:"target"`
		} `json:"items"`
	}
	if json.Unmarshal(annotations, &page) != nil {
		return nil
	}
	out := map[string]int{}
	for _, it := range page.Items {
		_, id, ok := strings.Cut(it.ID, "#claim-")
		if !ok {
			continue
		}
		for _, s := range it.Target.Selector {
			if s.Type == "TextPositionSelector" && s.Start != nil {
				out[id] = *s.Start
			}
		}
	}
	return out
}

// nearest is the occurrence of m's text nearest the old position, when
// the text stands in several places: an edit that leaves two passages as
// close to the quote keeps the claim where it was.
func nearest(doc *anchor.Doc, m anchor.Match, old int) anchor.Match {
	best := m
	for occ := 1; ; occ++ {
		mm, err := doc.Find(anchor.Quote{Exact: m.Exact, Occurrence: occ})
		if err != nil {
			return best
		}
		if abs(mm.Start-old) < abs(best.Start-old) {
			best = mm
		}
	}
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
