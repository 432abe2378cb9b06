package outdir

import "os"

// exchangeByRenames swaps a and b through a third name; the output is
// missing for a moment between the renames.
func exchangeByRenames(a, b string) error {
	side := a + ".swap"
	if err := os.Rename(b, side); err != nil {
		return err
	}
	if err := os.Rename(a, b); err != nil {
		os.Rename(side, b)
		return err
	}
	return os.Rename(side, a)
}
