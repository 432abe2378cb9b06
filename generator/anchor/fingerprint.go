package anchor

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
)

// A review records which text it read as a fingerprint of the text its
// quotes anchor in: the normalised Text, so that the fingerprint moves when
// a word of the article changes, and not when its Markdown is rewrapped,
// its emphasis changed or the typographer turned on or off.

// fingerprintPrefix names the hash, so that another may follow.
const fingerprintPrefix = "sha256:"

// Fingerprint returns "sha256:" and the hex SHA-256 of d's Text.
func (d *Doc) Fingerprint() string {
	sum := sha256.Sum256([]byte(d.Text()))
	return fingerprintPrefix + hex.EncodeToString(sum[:])
}

// ValidFingerprint reports whether s has the form Fingerprint returns.
func ValidFingerprint(s string) bool {
	h, ok := strings.CutPrefix(s, fingerprintPrefix)
	if !ok || len(h) != 2*sha256.Size {
		return false
	}
	_, err := hex.DecodeString(h)
	return err == nil && strings.ToLower(h) == h
}
