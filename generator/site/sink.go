package site

import "io/fs"

// sink is where a run puts its outputs: a folder on disk (build), the dev
// server's memory (serve), or nowhere (check). Every method may be called
// from several goroutines at once, never twice for one path in a run.
type sink interface {
	// keep reports whether the sink holds, from an earlier run, the output
	// at rel made under key k, and keeps it in this run's outputs if so.
	keep(rel string, k key) bool
	// write puts data at rel, made under k.
	write(rel string, k key, data []byte) error
	// copy puts the file name of fsys at rel, made under k (its hash).
	copy(rel string, k key, fsys fs.FS, name string) error
	// draw puts at rel what render makes, under k, which names the bytes
	// render makes: a sink may make them only when they are read. It is for
	// share cards, which no page shows and few requests ask for.
	draw(rel string, k key, render func() ([]byte, error)) error
}

// discard is the sink of check: it runs every stage and keeps nothing. It
// draws nothing either: a card is made of text the pages check already.
type discard struct{}

func (discard) keep(string, key) bool                          { return false }
func (discard) write(string, key, []byte) error                { return nil }
func (discard) copy(string, key, fs.FS, string) error          { return nil }
func (discard) draw(string, key, func() ([]byte, error)) error { return nil }
