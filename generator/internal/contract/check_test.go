package contract

import (
	"strings"
	"testing"
)

const goodBody = `<p>The <span class="margin-note" data-annot data-claim="moon">1 Inaccurate: rock.</span><mark class="claim" data-claim="moon" data-rating="inaccurate" id="claim-moon">moon is </mark><em><mark class="claim" data-claim="moon" data-rating="inaccurate">made&rsquo;</mark></em><mark class="claim" data-claim="moon" data-rating="inaccurate"> of cheese</mark><a class="claim-ref" href="#note-moon" data-annot>Inaccurate</a>.</p><details class="claim-disclosure" data-annot data-claim="moon"><summary>1</summary>rock</details>`

const goodPage = `<!DOCTYPE html><html lang="en"><head><title>t</title>
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"Review","url":"/a/","reviewRating":{"alternateName":"Low"}},{"@type":"ClaimReview","url":"/a/#claim-moon","claimReviewed":"moon","reviewRating":{"alternateName":"Inaccurate"},"itemReviewed":{"@type":"Claim"},"author":{"name":"Desk"}}]}</script>
</head><body><section class="review" data-rating="low"></section><div class="article-body">` + goodBody + `</div>
<ol><li id="note-moon" class="claim-note">Inaccurate: it is rock. <a href="#claim-moon">Back</a></li></ol></body></html>`

var want = Page{
	URL:    "/a/",
	Claims: []Claim{{ID: "moon", Rating: "inaccurate", Label: "Inaccurate", Quote: "moon is made’ of cheese"}},
	Review: "low",
	Plain:  []byte(`<p>The moon is <em>made&rsquo;</em> of cheese.</p>`),
}

// TestCheck checks that a page keeping the contract passes and that each
// kind of break is caught.
func TestCheck(t *testing.T) {
	if errs := Check([]byte(goodPage), want); len(errs) != 0 {
		t.Fatalf("a good page fails: %v", errs)
	}
	for _, tc := range []struct {
		name, old, new, wantErr string
	}{
		{name: "stray element", old: `</a>.</p>`, new: `</a><b>x</b>.</p>`, wantErr: "differs"},
		{name: "no first id", old: ` id="claim-moon"`, new: ``, wantErr: `want "claim-moon"`},
		{name: "wrong rating", old: `data-rating="inaccurate">made`, new: `data-rating="mixed">made`, wantErr: "data-rating"},
		{name: "marks read wrong", old: `> of cheese</mark>`, new: `> of</mark> cheese`, wantErr: "read"},
		{name: "no note ref", old: `<a class="claim-ref" href="#note-moon" data-annot>Inaccurate</a>`, new: ``, wantErr: "right after"},
		{name: "ref without grade", old: `data-annot>Inaccurate</a>`, new: `data-annot>note</a>`, wantErr: "want the grade"},
		{name: "no back link", old: `<a href="#claim-moon">Back</a>`, new: ``, wantErr: "link back"},
		{name: "wrong url", old: `"url":"/a/#claim-moon"`, new: `"url":"/b/#claim-moon"`, wantErr: "does not describe claim"},
		{name: "no article Review", old: `"@type":"Review","url"`, new: `"@type":"ClaimReview","url"`, wantErr: "not the article's Review"},
		{name: "no review", old: `<section class="review" data-rating="low"></section>`, new: ``, wantErr: ".review"},
		{name: "no margin note", old: `<span class="margin-note" data-annot data-claim="moon">1 Inaccurate: rock.</span>`, new: ``, wantErr: "margin-note"},
		{name: "margin note without data-annot", old: `<span class="margin-note" data-annot`, new: `<span class="margin-note"`, wantErr: "margin-note"},
		{name: "no disclosure", old: `<details class="claim-disclosure" data-annot data-claim="moon"><summary>1</summary>rock</details>`, new: ``, wantErr: "claim-disclosure"},
		{name: "two bodies", old: `<ol>`, new: `<div class="article-body"></div><ol>`, wantErr: "2 elements"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			page := strings.Replace(goodPage, tc.old, tc.new, 1)
			if page == goodPage {
				t.Fatalf("the test's old text %q is not in the page", tc.old)
			}
			var msgs []string
			for _, err := range Check([]byte(page), want) {
				msgs = append(msgs, err.Error())
			}
			if !strings.Contains(strings.Join(msgs, "\n"), tc.wantErr) {
				t.Errorf("errors %q, want one containing %q", msgs, tc.wantErr)
			}
		})
	}
}
