package page

import "github.com/scholia/scholia/generator/config"

// Grades turns a scale into template grades with their tones.
func Grades(s config.Scale) []Grade {
	lo, okLo := s.Worst()
	hi, okHi := s.Best()
	out := make([]Grade, len(s))
	for i, g := range s {
		out[i] = Grade{ID: g.ID, Label: g.Label, Value: g.Value, Description: g.Description, Tone: tone(g.Value, lo, hi, okLo && okHi)}
	}
	return out
}

// tone places a value in the worst, middle or best part of its scale.
func tone(v *int, lo, hi int, ok bool) string {
	if v == nil || !ok {
		return "off"
	}
	if hi == lo {
		return "mid"
	}
	p := float64(*v-lo) / float64(hi-lo)
	switch {
	case p > 0.6:
		return "pos"
	case p < 0.4:
		return "neg"
	}
	return "mid"
}

// GradeOf finds id in gs; the loader has checked that it is there.
func GradeOf(gs []Grade, id string) Grade {
	for _, g := range gs {
		if g.ID == id {
			return g
		}
	}
	return Grade{ID: id, Label: id, Tone: "off"}
}

// CountsOf tallies ratings by grade, in scale order, leaving out empty
// grades.
func CountsOf(gs []Grade, ratings []string) []Count {
	n := map[string]int{}
	for _, r := range ratings {
		n[r]++
	}
	var out []Count
	for _, g := range gs {
		if n[g.ID] > 0 {
			out = append(out, Count{Grade: g, N: n[g.ID]})
		}
	}
	return out
}
