package theme

import (
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
	"github.com/scholia/scholia/generator/config"
	"github.com/scholia/scholia/generator/page"
)

// TestScale executes the "scale" partial as a Markdown page includes it:
// every grade's glyph (claims only), label, value and description, and no
// ids, which could repeat the page's heading ids.
func TestScale(t *testing.T) {
	th := load(t, fstest.MapFS{}, "en")
	v := func(n int) *int { return &n }
	cfg := config.Default()
	cfg.Scales.Claim = config.Scale{
		{ID: "sound", Label: "Sound <ok>", Value: v(1), Description: "Holds up.", Glyph: "✓"},
		{ID: "opinion", Label: "Opinion", Description: "Not a fact."},
	}
	cfg.Scales.Article = config.Scale{{ID: "solid", Label: "Solid", Value: v(0), Description: "Reliable."}}
	s := page.NewSite(cfg, nil)
	tests := []struct {
		name, which, want string
	}{{
		name: "claim", which: "claim",
		want: `<dl class="scale">
<dt><span class="legend-glyph" aria-hidden="true">✓</span> <span class="grade" data-rating="sound" data-tone="mid">Sound &lt;ok&gt;</span> <span class="meta">Value 1</span></dt>
<dd>Holds up.</dd>
<dt><span class="legend-glyph" aria-hidden="true">○</span> <span class="grade" data-rating="opinion" data-tone="off">Opinion</span> <span class="meta">off the scale</span></dt>
<dd>Not a fact.</dd>
</dl>`,
	}, {
		name: "article", which: "article",
		want: `<dl class="scale">
<dt><span class="grade" data-rating="solid" data-tone="mid">Solid</span> <span class="meta">Value 0</span></dt>
<dd>Reliable.</dd>
</dl>`,
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := th.Scale(s, tt.which)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, string(got)); diff != "" {
				t.Errorf("scale (-want +got):\n%s", diff)
			}
		})
	}
	if _, err := th.Scale(s, "foo"); err == nil {
		t.Error("scale foo: no error")
	}
}
