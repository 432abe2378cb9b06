// Package anchor finds the passage of an article that a claim quotes. It
// turns a quote (a W3C TextQuoteSelector plus an occurrence number) into the
// runs of rendered text to highlight, or into an error that tells the editor
// how to fix the quote. It knows nothing of Markdown or HTML.
//
// Package markup renders an article and hands its rendered text to this
// package as a [Doc]: one [Block] per paragraph, heading, list item or table
// cell (code blocks and raw HTML are blocks marked Skip), each block a list
// of [Piece]s, the text of one inline node with a map back to the source
// bytes. For each claim markup calls [Doc.Find], splits its text nodes at the
// returned [Span]s and wraps them in <mark>.
//
// # Example
//
// The paragraph
//
//	A video *exclusive* that their guns came from Russia.
//
// renders to three text nodes, which make one block:
//
//	d := &anchor.Doc{Path: "content/a.md", Source: src, Blocks: []anchor.Block{{
//		Pieces: []anchor.Piece{
//			{Text: "A video ", Ref: 1, Source: []int{0, 1, 2, 3, 4, 5, 6, 7}},
//			{Text: "exclusive", Ref: 2, Offset: 9},
//			{Text: " that their guns came from Russia.", Ref: 3, Offset: 19},
//		},
//	}}}
//	m, err := d.Find(anchor.Quote{Exact: "video exclusive\n that"})
//
// The quote crosses the emphasis, and its line break is white space like any
// other: normalised, it is "video exclusive that", which matches. m.Spans
// is bytes 2..8 of piece 0, 0..9 of piece 1 and 0..5 of piece 2 (each with its
// piece's Ref), m.Start and m.End are 2 and 22 (code points in [Doc.Text]),
// and m.Line, m.Col are 1, 3. (Pieces 1 and 2 have no Source map, so all
// their bytes are at their Offset: a map byte by byte gives exact columns
// inside them.) See the runnable example of Doc.Find.
//
// # Normalisation
//
// Before matching, the text of each block (its pieces concatenated) and the
// quote are normalised by the same function, [Normalize]:
//
//   - Unicode NFC, so that a composed "é" matches "e" + U+0301;
//   - every run of white space (Unicode White_Space: line breaks, tabs, NBSP
//     U+00A0, U+202F, U+3000, ...) becomes one space, and the ends are trimmed;
//   - the curly quotes ‘ ’ ‚ ‛ become ' and “ ” „ ‟ become ";
//   - every run of dashes becomes one "-": the ASCII hyphen-minus (so "--" and
//     "---" too), the hyphens U+2010, U+2011, the figure, en and em dashes and
//     the horizontal bar U+2012..U+2015, the minus sign U+2212 (a quote typed
//     with "-5" matches "−5") and the two- and three-em dashes U+2E3A, U+2E3B;
//   - "…" becomes "...";
//   - a byte that is not valid UTF-8 becomes U+FFFD.
//
// Nothing else changes: matching is case-sensitive, and other punctuation
// (guillemets, primes, fullwidth forms) is kept as is.
//
// The normalised text of a block keeps, for every byte, the range of bytes
// of the pieces' text of the unit it came from: one NFC segment (a character and its
// combining marks), one run of white space or of dashes, one replaced
// character. A match never starts or ends inside a unit, so that a highlight
// never cuts a character from its accents, nor "..." out of an "…". The
// normalised text of a Doc is built once, on the first call of Find, Closest
// or Text, and reused.
//
// [Doc.Text] is the normalised text of all blocks, Skip blocks included,
// joined by one space in document order (blocks without text are left out).
// Match.Start and Match.End count code points in it, for a W3C
// TextPositionSelector.
//
// # Matching
//
// [Doc.Find] normalises Quote.Exact (trimmed), and Prefix and Suffix (with
// white space collapsed but not trimmed: "video exclusive that " ends with a
// significant space). It finds every occurrence of the quote in Text,
// overlapping ones too, and keeps those that lie within one block that is not
// Skip. Then:
//
//   - Prefix and Suffix narrow them: the text right before an occurrence must
//     end with Prefix, the text right after it must start with Suffix. The
//     context may reach into the neighbouring blocks through the space that
//     joins them, so a heading can serve as the prefix of the paragraph under
//     it. For convenience, a prefix that does not end with a space also fits
//     when one space separates it from the quote (and a suffix that does not
//     start with one likewise), so "prefix: exclusive that" works too.
//   - Occurrence, when given, picks the Nth (from 1) of the occurrences left.
//   - One left: the quote is anchored. Several: it is ambiguous.
//
// Each [Span] of a [Match] is the part of one piece that the match covers,
// as byte offsets into Piece.Text that never split a UTF-8 sequence, in
// document order; pieces the match covers none of (empty ones) get no span.
// Match.Line and Match.Col are where the match starts in Doc.Source: Line
// from 1, Col from 1 counting characters (code points), found through the
// piece's Source map (or its Offset when Source is nil).
//
// # Errors
//
// Find returns an [*Error]; errors.Is tells its kind, one of the sentinels.
// Its message is one line, names places as PATH:LINE:COL with PATH =
// Doc.Path, and does not start with a position (the caller prefixes the
// position of the quote in the sidecar). Contexts show about 20 characters
// around the match, which is in brackets:
//
//	ErrAmbiguous:  quote is ambiguous: it matches 2 places: content/a.md:3:24 "…exclusive that [their guns came] from Russia.…", content/a.md:5:16 "…Officials said [their guns came] from Iran.…"; add prefix: "that " (or occurrence: 1) to pick the first
//	ErrNotFound:   quote not found in content/a.md; did you mean: "their guns came from Russia" (content/a.md:3:24)?
//	ErrNotFound:   quote not found in content/a.md, nor anything close to it (no passage is 60% like it)
//	ErrNotFound:   quote not found in content/a.md (search cut off at 100000000 steps; shorten the quote to get a suggestion)
//	ErrNotFound:   quote not found with the given suffix in content/a.md, but without it the quote matches 1 place: content/a.md:5:1 "…"
//	ErrNotFound:   occurrence: 3 is out of range: the quote matches only 2 places: content/a.md:3:35 "…", content/a.md:5:27 "…"
//	ErrCrossBlock: quote crosses blocks: it starts at content/a.md:5:32 and ends at content/a.md:8:5; a claim must lie within one paragraph, heading, list item or table cell
//	ErrInCode:     quote is only in a code block or raw HTML, at content/a.md:8:13, which is never annotated
//	ErrEmpty:      quote is empty
//
// A suggestion ("did you mean") is the closest passage, widened to the
// whole words it cuts into, and only when it is at least
// [SuggestSimilarity] like the quote (1 - edits/length): "The sun is hot"
// gets no suggestion in an article about the moon.
//
// An error lists the first 10 places (in Error.Places and the message) and
// counts the rest: "it matches 25 places: …, and 15 more". An ambiguous
// error's Error.Suggest holds the shortest run of whole words right before
// the first place that, as the prefix (with the suffix kept), leaves that
// place alone; when no prefix of up to 12 words (and 256 bytes) does, the
// message suggests an occurrence instead. A quote is reported in code or
// across blocks only when it matches nowhere else, in that order; otherwise
// a quote not found gets the closest passage, below.
//
// The exact search takes time linear in the article, whatever the quote and
// its context: even "a" in an article of "a a a …", or a long prefix that
// fits at almost every match.
//
// # Approximate search
//
// A quote not found, like one whose article was edited since, is looked for
// approximately, as Hypothesis's client does with its approx-string-match
// package. Myers' bit-parallel algorithm (1999), in Hyyrö's block form with
// one 64-bit word per 64 code points of the quote so that long quotes work,
// computes for every position of every non-Skip block the fewest edits
// (insertions, deletions, substitutions of code points) between the quote and
// a passage ending there. The passages with the fewest edits (and a few more)
// are candidates, at most 64; where each starts is found by running the
// algorithm again, anchored, on the reversed quote over the reversed text
// before its end. Candidates are ranked as in Hypothesis: 50 × (1 −
// edits/length of the quote), plus 20 × the fit of the text before to Prefix
// and 20 × the fit of the text after to Suffix when they are given (1 −
// edits/length again, the context cut to 32 code points), divided by the
// weights used; then by fewest edits, then by position. When every passage is
// more than half the quote's length (or 256) edits away, the error says that
// nothing close was found.
//
// The cost is one pass over the text per 64 code points of the quote: in a
// 100,000-word article a missing quote is reported in about 5 ms (15 ms for a
// 250-character quote), plus about 20 ms to build the normalised text on the
// first call (BenchmarkNotFound100kWords).
//
// [Doc.Closest] exposes the search for `scholia fix`, which re-anchors quotes
// after the article was edited: it returns the best passage and its score in
// [0, 1] (1 for a quote that Find anchors).
//
// # Cap on the approximate search
//
// The search takes time in proportion to the length of the article times
// that of the quote, which is fine for a claim and not for a quote of
// megabytes: one 1 MB long, in an article of 1 MB, took three minutes. So
// it counts its steps (see [Doc.MaxWork]: one code point of the article
// against 64 of the quote) and stops before any stage that would take it
// past Doc.MaxWork, or [DefaultMaxWork] (100,000,000 steps, well under a
// second) when that is 0. Find's error then says that the search was cut
// off, instead of suggesting a passage, and Closest reports false. Only
// the blocks long enough to hold a passage close to the quote are
// searched, so that a quote longer than its article is reported as having
// nothing close at no cost.
//
// # Concurrency
//
// A Doc caches its normalised text on first use: do not change its Blocks
// after that, and do not call its methods from several goroutines at once.
// [Normalize] is safe for concurrent use.
package anchor
