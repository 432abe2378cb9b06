package anchor

// Doc is the rendered text of one article, as blocks of pieces, with the
// source it came from so that places can be named as PATH:LINE:COL.
//
// The caller (package markup) fills Blocks in document order: one Block per
// leaf block with inline content (paragraph, heading, table cell, ...), one
// Piece per inline run of text. Code blocks and raw HTML are given as blocks
// with Skip set: they are never matched, but a quote found there gets a
// clearer error.
//
// Find, Closest and Text build the normalised text on first use and keep it:
// Blocks must not change after that, and a Doc is not safe for concurrent
// use.
type Doc struct {
	Path   string // the article, relative to the site root, for messages
	Source []byte // the article file (front matter blanked), for line:col
	Blocks []Block
	// MaxWork caps the approximate search for a quote that is not found
	// (the "did you mean" of Find's error, and Closest), in steps: a step
	// is one code point of the article searched against 64 code points of
	// the quote (a quote of 640 code points costs 10 steps per code point
	// of the article), and the search's tables and the recovery of where
	// its best passages start count too. The search is cut off before any
	// stage that would take it past MaxWork: Find's error then says so,
	// and Closest reports false. 0 (or less) means DefaultMaxWork;
	// math.MaxInt means no cap. Exact matching is never capped.
	MaxWork int
	// spent is the approximate search Find has done for this Doc's quotes
	// not found; all of them together get ten times MaxWork.
	spent int
	norm  *normDoc // built on first use
}

// Block is one block of the article.
type Block struct {
	Pieces []Piece
	Skip   bool // code block or raw HTML: never matched
}

// Piece is a run of rendered text from one inline node.
type Piece struct {
	Text string // as a reader sees it: entities and escapes resolved
	Ref  int    // the caller's handle for the node; Find returns it back
	// Source[i] is the byte offset in Doc.Source of Text[i]. It may be nil
	// (every byte maps to Offset), as for text the typographer made.
	Source []int
	Offset int
}

// Quote selects a passage of the article, as a W3C TextQuoteSelector plus a
// 1-based Occurrence among the matches left after Prefix and Suffix.
type Quote struct {
	Exact      string
	Prefix     string
	Suffix     string
	Occurrence int // 0: not given
}

// Span is the part of one piece that a match covers.
type Span struct {
	Block, Piece int // indexes into Doc.Blocks and Block.Pieces
	Start, End   int // byte offsets into Piece.Text
	Ref          int // the piece's Ref
}

// Match is where a quote is anchored.
type Match struct {
	Spans []Span // in document order; never empty
	// Start and End count code points in Doc.Text, for a W3C
	// TextPositionSelector.
	Start, End int
	// Exact, Prefix and Suffix are the normalised matched text and up to
	// 32 code points of context on either side, for a W3C TextQuoteSelector.
	Exact, Prefix, Suffix string
	Line, Col             int // where the match starts in Doc.Source
}
