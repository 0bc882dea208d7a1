package httpapi

import (
	"crypto/sha256"
	"encoding/hex"
)

// fingerprint is a short, non-reversible label for a secret.
func fingerprint(secret string) string {
	sum := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(sum[:6])
}
