package auth

import (
	"strconv"
	"strings"
	"testing"

	"github.com/corridor-kg/corridor/domain"
)

const (
	readerKey = "r-0123456789abcdef"
	editorKey = "e-0123456789abcdef"
	adminKey  = "a-0123456789:bcdef" // a colon belongs to the key
)

func TestParseAndAuthenticate(t *testing.T) {
	file := "# curators\n\n  ana:editor:" + editorKey + "  \n#old:admin:xxxxxxxxxxxxxxxxxxxx\nops:admin:" + adminKey + "\n"
	ring, err := Parse(" bot:reader:"+readerKey+" ", strings.NewReader(file), "keys.txt")
	if err != nil {
		t.Fatal(err)
	}
	if ring.Len() != 3 {
		t.Fatalf("Len = %d, want 3", ring.Len())
	}
	for token, want := range map[string]domain.Principal{
		readerKey: {Name: "bot", Role: domain.RoleReader},
		editorKey: {Name: "ana", Role: domain.RoleEditor},
		adminKey:  {Name: "ops", Role: domain.RoleAdmin},
	} {
		if got, ok := ring.Authenticate(token); !ok || got != want {
			t.Errorf("Authenticate(%q) = %+v, %v; want %+v", token, got, ok, want)
		}
	}
	for _, bad := range []string{"", readerKey[:len(readerKey)-1], readerKey + "x", strings.ToUpper(editorKey), "xxxxxxxxxxxxxxxxxxxx"} {
		if p, ok := ring.Authenticate(bad); ok {
			t.Errorf("Authenticate(%q) accepted as %+v", bad, p)
		}
	}
	var none *Keyring
	if _, ok := none.Authenticate(readerKey); ok || none.Len() != 0 {
		t.Error("a nil keyring authenticates")
	}
}

func TestParseErrors(t *testing.T) {
	cases := []struct {
		env, file string
		want      string
	}{
		{"bot:reader", "", "CORRIDOR_API_KEYS entry 1: want name:role:key, got 2 part(s)"},
		{"a:reader:" + readerKey + ",,", "", "CORRIDOR_API_KEYS entry 2: want name:role:key"},
		{"a:owner:" + readerKey, "", `entry 1: key "a": role "owner": want reader, editor or admin`},
		// A key in the role's place is not repeated.
		{"a:" + readerKey + ":reader", "", `entry 1: key "a": the role is 18 characters, not reader, editor or admin (the order is name:role:key)`},
		{":reader:" + readerKey, "", "entry 1: empty key name"},
		{"a b:reader:" + readerKey, "", `key name "a b": use letters`},
		{"a:reader:short", "", `key "a": the key is 5 characters; at least 16 are needed`},
		{"a:reader:" + readerKey + " x", "", "printable ASCII only"},
		{"a:reader:" + readerKey + ",a:editor:" + editorKey, "", `entry 2: key name "a" is already used at CORRIDOR_API_KEYS entry 1`},
		{"a:reader:" + readerKey, "# c\nb:admin:" + readerKey, "keys.txt:2: the same key is already given at CORRIDOR_API_KEYS entry 1"},
		{"", "ok:reader:" + readerKey + "\n\n\nbad:reader\n", "keys.txt:4: want name:role:key"},
	}
	for _, c := range cases {
		_, err := Parse(c.env, strings.NewReader(c.file), "keys.txt")
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Parse(%q, %q) error %v, want %q", c.env, c.file, err, c.want)
			continue
		}
		// No error ever repeats a secret.
		for _, secret := range []string{readerKey, editorKey, "short"} {
			if strings.Contains(err.Error(), secret) {
				t.Errorf("error leaks a key: %v", err)
			}
		}
	}
}

func TestParseEmpty(t *testing.T) {
	ring, err := Parse("  ", nil, "")
	if err != nil || ring.Len() != 0 {
		t.Fatalf("Parse of nothing = %d keys, %v", ring.Len(), err)
	}
}

// FuzzParse checks that any CORRIDOR_API_KEYS value and keys file either parse
// into a keyring where every entry's secret authenticates as its name and role,
// or fail with an error that repeats no secret.
func FuzzParse(f *testing.F) {
	f.Add("bot:reader:"+readerKey, "")
	f.Add("a:editor:"+editorKey+",b:admin:"+adminKey, "# c\nc:reader:"+readerKey)
	f.Add("a:reader:short", "\n\n")
	f.Add(":::::", "x:y:z")
	f.Fuzz(func(t *testing.T, env, file string) {
		type entry struct{ name, role, secret string }
		var entries []entry
		for _, e := range strings.Split(env, ",") {
			if p := strings.SplitN(strings.TrimSpace(e), ":", 3); len(p) == 3 {
				entries = append(entries, entry{p[0], p[1], p[2]})
			}
		}
		for _, line := range strings.Split(file, "\n") {
			if p := strings.SplitN(strings.TrimSpace(line), ":", 3); len(p) == 3 && !strings.HasPrefix(p[0], "#") {
				entries = append(entries, entry{p[0], p[1], p[2]})
			}
		}
		ring, err := Parse(env, strings.NewReader(file), "f")
		if err != nil {
			// Errors quote names and roles, which may hold a secret's text
			// (role "00000000000000001", secret "0000000000000000"): only what
			// is left counts.
			msg := err.Error()
			for _, e := range entries {
				msg = strings.ReplaceAll(strings.ReplaceAll(msg, strconv.Quote(e.name), ""), strconv.Quote(e.role), "")
			}
			for _, e := range entries {
				if len(e.secret) >= MinKeyLength && strings.Contains(msg, e.secret) &&
					!strings.Contains(env+file, e.secret+":") && !strings.Contains(env+file, ":"+e.secret+":") {
					t.Fatalf("error repeats a secret: %v", err)
				}
			}
			return
		}
		if ring.Len() != len(entries) {
			t.Fatalf("%d keys from %d entries", ring.Len(), len(entries))
		}
		for _, e := range entries {
			p, ok := ring.Authenticate(e.secret)
			if !ok || p.Name != e.name || string(p.Role) != e.role {
				t.Fatalf("secret of %q authenticates as %+v, %v", e.name, p, ok)
			}
		}
	})
}
