package markup_test

import (
	"errors"
	"fmt"
	"strings"

	"github.com/scholia/scholia/generator/anchor"
	"github.com/scholia/scholia/generator/markup"
)

func ExampleRenderer_Article() {
	r := markup.New(markup.Options{})
	res, err := r.Article("example.md", []byte(`Officials said the *new* plan "cuts costs".`), []markup.Claim{{
		ID: "cuts", Rating: "misleading", Label: "Misleading",
		Quote: anchor.Quote{Exact: `new plan "cuts costs"`},
	}})
	if err != nil {
		panic(err)
	}
	fmt.Print(string(res.HTML))
	fmt.Println(len(res.Errors), "errors")
	// Output:
	// <p>Officials said the <em><mark class="claim" id="claim-cuts" data-claim="cuts" data-rating="misleading">new</mark></em><mark class="claim" data-claim="cuts" data-rating="misleading"> plan &ldquo;cuts costs&rdquo;</mark><a class="claim-ref" href="#note-cuts" data-annot data-rating="misleading" aria-label="Misleading: note on claim 1">Misleading</a>.</p>
	// 0 errors
}

func ExampleLimits_Check() {
	src := []byte("Intro.\n\n" + strings.Repeat("> ", 101) + "deep\n")
	err := markup.DefaultLimits().Check(src)
	var le *markup.LimitError
	if errors.As(err, &le) {
		fmt.Println(le.Name, le.Limit, le.Line, le.Col)
	}
	fmt.Println(err)
	// Output:
	// markdown_depth 100 3 201
	// 3:201: lists, quotes and footnotes nest 101 deep, more than limits.markdown_depth (100): flatten the nesting or raise the limit in site.yaml
}
