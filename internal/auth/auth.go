// Package auth holds Corridor's API keys: it parses them from CORRIDOR_API_KEYS
// and the keys file, and finds the principal a bearer token belongs to, comparing
// in constant time. A key never appears in an error message or a log line.
package auth

import (
	"bufio"
	"crypto/sha256"
	"crypto/subtle"
	"fmt"
	"io"
	"strings"

	"github.com/corridor-kg/corridor/domain"
)

// MinKeyLength is the shortest key accepted: shorter keys are guessable.
const MinKeyLength = 16

// Key is one API key: who holds it, what it allows, and (only) the SHA-256 of
// the secret, so that comparisons take the same time whatever the token's length.
type Key struct {
	domain.Principal
	sum [sha256.Size]byte
}

// Keyring is the set of configured keys. The zero Keyring has no keys.
type Keyring struct {
	keys []Key
}

// Len returns the number of keys.
func (k *Keyring) Len() int {
	if k == nil {
		return 0
	}
	return len(k.keys)
}

// Authenticate returns the principal whose key is token. It compares token with
// every key, in constant time, whichever key (if any) matches.
func (k *Keyring) Authenticate(token string) (domain.Principal, bool) {
	if k == nil {
		return domain.Principal{}, false
	}
	sum := sha256.Sum256([]byte(token))
	found := -1
	for i := range k.keys {
		eq := subtle.ConstantTimeCompare(sum[:], k.keys[i].sum[:])
		found = subtle.ConstantTimeSelect(eq, i, found)
	}
	if found < 0 {
		return domain.Principal{}, false
	}
	return k.keys[found].Principal, true
}

// Parse builds a keyring from the value of CORRIDOR_API_KEYS (comma-separated
// name:role:key entries) and the contents of the keys file (one name:role:key
// per line; blank lines and lines starting with # are skipped). Either may be
// empty. fileName names the file in errors. Names and keys must be unique across
// both; errors name the entry or line, never the key.
func Parse(env string, file io.Reader, fileName string) (*Keyring, error) {
	var ring Keyring
	names := map[string]string{}
	keys := map[[sha256.Size]byte]string{}
	add := func(where, entry string) error {
		key, err := parseEntry(entry)
		if err != nil {
			return fmt.Errorf("%s: %w", where, err)
		}
		if prev, dup := names[key.Name]; dup {
			return fmt.Errorf("%s: key name %q is already used at %s", where, key.Name, prev)
		}
		if prev, dup := keys[key.sum]; dup {
			return fmt.Errorf("%s: the same key is already given at %s", where, prev)
		}
		names[key.Name], keys[key.sum] = where, where
		ring.keys = append(ring.keys, key)
		return nil
	}
	if strings.TrimSpace(env) != "" {
		for i, entry := range strings.Split(env, ",") {
			if err := add(fmt.Sprintf("CORRIDOR_API_KEYS entry %d", i+1), strings.TrimSpace(entry)); err != nil {
				return nil, err
			}
		}
	}
	if file != nil {
		sc := bufio.NewScanner(file)
		for line := 1; sc.Scan(); line++ {
			text := strings.TrimSpace(sc.Text())
			if text == "" || strings.HasPrefix(text, "#") {
				continue
			}
			if err := add(fmt.Sprintf("%s:%d", fileName, line), text); err != nil {
				return nil, err
			}
		}
		if err := sc.Err(); err != nil {
			return nil, fmt.Errorf("%s: %w", fileName, err)
		}
	}
	return &ring, nil
}

// parseEntry parses name:role:key. The key is the rest after the second colon.
func parseEntry(s string) (Key, error) {
	parts := strings.SplitN(s, ":", 3)
	if len(parts) != 3 {
		return Key{}, fmt.Errorf("want name:role:key, got %d part(s)", len(parts))
	}
	name, role, secret := parts[0], parts[1], parts[2]
	if name == "" {
		return Key{}, fmt.Errorf("empty key name")
	}
	for _, c := range name {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.' || c == '@') {
			return Key{}, fmt.Errorf("key name %q: use letters, digits and - _ . @ only", name)
		}
	}
	r, err := domain.ParseAccessRole(role)
	if err != nil {
		if len(role) >= MinKeyLength {
			// Long enough to be a key written in the role's place: never repeat it.
			return Key{}, fmt.Errorf("key %q: the role is %d characters, not reader, editor or admin (the order is name:role:key)", name, len(role))
		}
		return Key{}, fmt.Errorf("key %q: role %q: want reader, editor or admin", name, role)
	}
	if len(secret) < MinKeyLength {
		return Key{}, fmt.Errorf("key %q: the key is %d characters; at least %d are needed", name, len(secret), MinKeyLength)
	}
	for _, c := range secret {
		if c <= ' ' || c == 0x7f || c == ',' || c > '~' {
			return Key{}, fmt.Errorf("key %q: the key may hold printable ASCII only, without spaces or commas", name)
		}
	}
	return Key{Principal: domain.Principal{Name: name, Role: r}, sum: sha256.Sum256([]byte(secret))}, nil
}
