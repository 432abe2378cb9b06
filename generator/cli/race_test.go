//go:build race

package cli

// The race detector makes the child of a hostile case (this test binary)
// several times slower and larger: its bounds are scaled to match.
func init() { raceScale = 8 }
