// Package markup turns an article's Markdown into HTML with its claims
// highlighted, and renders the Markdown of notes and review summaries.
//
// # Markdown
//
// Articles are CommonMark with the GitHub extensions (tables,
// strikethrough, bare URLs as links, task lists), footnotes, typographic
// quotes and dashes, and an id on every heading. Heading ids are goldmark's
// (lower-cased words joined by "-", made unique with "-1", "-2", ...),
// except that an id that would start with "claim-" or "note-", the
// prefixes of the ids of section 7 of the design, or "scholia-", the
// prefix of the theme's own ids, gets "h-" in front:
// "## Claim guns" has id="h-claim-guns". Raw HTML is omitted (an
// HTML comment says so) unless [Options].Unsafe is set. Links go to http(s)
// and mailto URLs, relative URLs and #fragments; a link to any other scheme
// (javascript:, data:, file:, ...) is rendered as its text, Unsafe or not.
// Fenced code blocks in a language chroma knows are highlighted with CSS
// classes (prefix "hl-", inside <pre class="chroma">), styled by
// [Stylesheet]; other code blocks are plain. Every <pre> has tabindex="0" so
// keyboard users can scroll it, and task list boxes have an accessible name
// ("done", "not done"), as axe-core asks.
//
// Notes ([Renderer.Note]) use the same Markdown but never raw HTML, link
// only absolute http(s) URLs and show only http(s) images (any other image
// is its alt text), give headings no id and prefix footnote ids with the
// note's key ("fn-KEY-fn:1"), so several notes fit on one page.
//
// # Claims
//
// [Renderer.Article] finds each claim's quote in the article's rendered text
// (package anchor: the text a reader sees, normalised) and highlights it.
// The text model has one block per paragraph, heading, table cell or tight
// list item, and within it one piece per run of text: plain text with its
// escapes and entities resolved, text the typographer made, code span text,
// autolink and bare URL labels (as shown, without an added "http://") and
// line breaks. Image alt text, raw HTML, code blocks and footnote markers
// are not text; a quote in a code block is an error that says so.
//
// Every highlighted piece of a claim is a [Mark] node in the goldmark tree,
// rendered as <mark class="claim" data-claim="ID" data-rating="GRADE">; the
// claim's first mark also has id="claim-ID". A quote that runs across
// emphasis, a link or a code span gets one mark per piece, since a mark
// never crosses an element's boundary. Overlapping claims nest: each mark
// belongs to one claim.
//
// Right after the claim's last mark comes the reference to its note:
//
//	<a class="claim-ref" href="#note-ID" data-annot data-rating="GRADE"
//	aria-label="LABEL: note on claim N">LABEL</a>
//
// Its text is the grade's label; N counts claims from 1, so that every
// reference has a name of its own. When the last mark is in a link (links
// cannot nest), a code span or a strikethrough, the reference follows that
// element instead. With [Options].Unsafe, the same holds for a link made
// of raw HTML: when the last mark is between an <a ...> and its </a>, the
// reference follows the raw </a>; when that </a> is not in the same block
// (paragraph, heading, table cell, ...) or missing, the link holds the rest
// of the block and no place after the last mark is outside it: the claim is
// not highlighted but is an error ([ErrInRawLink]). A claim that cannot be anchored is
// not highlighted and comes back in [Result].Errors.
//
// # Notes beside claims
//
// [Renderer.ArticleNotes] also puts the theme's copies of each claim's
// note in the body (see [Notes]): once the claims are anchored it asks for
// them, numbered in the order of the text, and writes
//
//	<span class="margin-note" data-annot data-claim="ID" data-rating="GRADE">...</span>
//
// right before the claim's first mark (before the link or code span that
// holds it, and with other claims' marks split there, so that it is never
// inside one), so that a stylesheet floats it beside the line where the
// claim starts, and
//
//	<details class="claim-disclosure" data-annot data-claim="ID" data-rating="GRADE">...</details>
//
// after the block of its note reference: after the paragraph, heading or
// table, or at the end of a tight list item. A claim in a heading or a
// table cell has its margin note before the heading or the table. Both carry data-annot, so the invariant below holds.
// [Phrasing] and [WithoutIDs] make the copies of a note's HTML.
//
// # The scale shortcode
//
// A paragraph that is only
//
//	{{< scale claim >}}
//
// or {{< scale article >}} (Hugo's shortcode syntax) stands for the
// site's claim or article scale: it becomes a [Scale] node, which renders
// as what [Options].Scale returns for "claim" or "article" (the site
// executes its theme's "scale" partial, the one its ratings page shows, so
// that a methodology page and the ratings page never disagree). The
// paragraph may be in a block quote or a list item, and the spaces inside
// the braces are free: {{<scale claim>}} is the same.
//
// Any other paragraph that starts with "{{<" is an error, one
// [*ShortcodeError] per paragraph with its line and column, returned
// together as [ShortcodeErrors]: an unknown name ({{< chart x >}}), an
// unknown or missing scale ({{< scale foo >}}), or a shortcode with text
// after it. Write \{{< for the text itself; a shortcode in a code span or
// a code block is text too.
//
// What the scale shows is the site's, not the article's: it is not in the
// text model, so no quote can match its words, and it renders alike with
// claims and without, so the invariant below holds.
//
// # Example
//
// The Markdown
//
//	Officials said the *new* plan "cuts costs".
//
// with the claim {ID: "cuts", Rating: "misleading", Label: "Misleading",
// Quote: {Exact: `new plan "cuts costs"`}} renders as (one line, broken here)
//
//	<p>Officials said the <em><mark class="claim" id="claim-cuts"
//	data-claim="cuts" data-rating="misleading">new</mark></em><mark
//	class="claim" data-claim="cuts" data-rating="misleading"> plan
//	&ldquo;cuts costs&rdquo;</mark><a class="claim-ref" href="#note-cuts"
//	data-annot data-rating="misleading" aria-label="Misleading: note on
//	claim 1">Misleading</a>.</p>
//
// The quote matches although the Markdown has *emphasis* and straight
// quotes that the typographer curled.
//
// # Invariant
//
// Removing every element that has the data-annot attribute (with its
// content) and unwrapping every <mark class="claim"> gives, byte for byte,
// the HTML of the same article rendered with no claims; and the text of a
// claim's marks, normalised with anchor.Normalize, is its normalised quote.
// Split text nodes keep their source segments so they render exactly as
// the whole did.
//
// # Limits
//
// goldmark takes time that grows with the square of some Markdown (lists
// and quotes nested in one another; brackets, emphasis marks, backticks
// and lines in one paragraph; escaped pipes in table code), and a table
// takes memory for its columns times its rows however short they are: an
// article of a few hundred kilobytes could take minutes or gigabytes.
// [Limits.Check] reads the Markdown once, in linear time, and Article,
// Note and Goldmark's Convert apply [Options].Limits (the zero value is
// [DefaultLimits]) before they parse. Check may over-estimate, never
// under-estimates, and counts nothing in code blocks; the defaults are far
// above any real article:
//
//	site.yaml key        default     the most
//	markdown_size        10000000    bytes of Markdown
//	markdown_depth       100         lists, quotes and footnotes nested in one another
//	table_columns        1000        columns of a table
//	table_cells          1000000     cells of all tables, columns times rows
//	table_escaped_pipes  1000        \| after a backtick in a table cell, in all tables
//	paragraph_brackets   1000        "[" in one paragraph, heading or table row
//	paragraph_emphasis   1000        runs of *, _ or ~ in one paragraph, heading or table row
//	paragraph_code_spans 1000        runs of ` in one paragraph, heading or table row
//	paragraph_lines      10000       lines of one paragraph (table rows count one by one)
//
// For example, the article
//
//	Intro.
//
//	> > > ... > deep
//
// with 101 ">" on line 3 is not parsed: Article returns the [*LimitError]
//
//	3:201: lists, quotes and footnotes nest 101 deep, more than
//	limits.markdown_depth (100): flatten the nesting or raise the limit in
//	site.yaml
//
// whose Line and Col (characters) are relative to the Markdown given, and
// whose Name is the site.yaml key. A note over the limits renders as a
// paragraph that says so.
//
// # Concurrency
//
// A Renderer is safe for concurrent use: it holds one goldmark.Markdown for
// articles and one for notes, and each call's claims and results travel in
// its own parser context.
package markup
