package page

import (
	"encoding/binary"
	"errors"

	"github.com/scholia/scholia/generator/config"
)

// Grades turns a scale into template grades with their tones.
func Grades(s config.Scale) []Grade {
	lo, okLo := s.Worst()
	hi, okHi := s.Best()
	out := make([]Grade, len(s))
	for i, g := range s {
		t := tone(g.Value, lo, hi, okLo && okHi)
		glyph := g.Glyph
		if glyph == "" {
			glyph = toneGlyphs[t]
		}
		out[i] = Grade{ID: g.ID, Label: g.Label, Value: g.Value, Description: g.Description, Tone: t, Glyph: glyph}
	}
	return out
}

// toneGlyphs are the glyphs of grades that set none.
var toneGlyphs = map[string]string{"pos": "✓", "mid": "±", "neg": "✗", "off": "○"}

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

// GobEncode encodes g for the build cache: gob would read a Value that
// points to 0 back as no value at all.
func (g Grade) GobEncode() ([]byte, error) {
	var b []byte
	for _, s := range []string{g.ID, g.Label, g.Description, g.Tone, g.Glyph} {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	if g.Value == nil {
		return append(b, 0), nil
	}
	return binary.AppendVarint(append(b, 1), int64(*g.Value)), nil
}

// GobDecode decodes what GobEncode made.
func (g *Grade) GobDecode(b []byte) error {
	var f [5]string
	for i := range f {
		n, k := binary.Uvarint(b)
		if k <= 0 || uint64(len(b)-k) < n {
			return errors.New("grade: short data")
		}
		f[i], b = string(b[k:k+int(n)]), b[k+int(n):]
	}
	*g = Grade{ID: f[0], Label: f[1], Description: f[2], Tone: f[3], Glyph: f[4]}
	if len(b) == 0 {
		return errors.New("grade: short data")
	}
	if b[0] == 1 {
		v, k := binary.Varint(b[1:])
		if k <= 0 {
			return errors.New("grade: bad value")
		}
		n := int(v)
		g.Value = &n
	}
	return nil
}
