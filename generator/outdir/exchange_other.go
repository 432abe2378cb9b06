//go:build !linux

package outdir

// exchange swaps two folders with two renames where the system has no
// atomic exchange.
func exchange(a, b string) error { return exchangeByRenames(a, b) }
