package textnorm

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzNormalize checks the normal forms on any input: valid UTF-8, single
// spaces between words and none at the ends, no upper case left, stable when
// applied again, and Tokens and Forms consistent with them.
func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"Anusha Rehmān", "E-Corridor", "PSEB's  ‘MoIT’", "ÆØÅ ß İstanbul", "\xff\xfe", "  ", "Ｆｕｌｌ　ｗｉｄｔｈ", "a\u0301\u0301b", "' OR 1=1", "*:* OR title:x~"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, n := range []string{Normalize(s), NormalizeSplit(s)} {
			if !utf8.ValidString(n) {
				t.Fatalf("invalid UTF-8 from %q: %q", s, n)
			}
			if strings.HasPrefix(n, " ") || strings.HasSuffix(n, " ") || strings.Contains(n, "  ") {
				t.Fatalf("spacing of %q: %q", s, n)
			}
			if strings.Join(strings.Fields(n), " ") != n {
				t.Fatalf("whitespace other than single spaces in %q", n)
			}
		}
		n := Normalize(s)
		if again := Normalize(n); again != n {
			t.Fatalf("Normalize not stable: %q → %q → %q", s, n, again)
		}
		if got := strings.Join(Tokens(s), " "); got != n {
			t.Fatalf("Tokens(%q) = %q, Normalize = %q", s, got, n)
		}
		forms := Forms(s)
		if (n == "") != (len(forms) == 0) || (len(forms) > 0 && forms[0] != n) {
			t.Fatalf("Forms(%q) = %q, Normalize = %q", s, forms, n)
		}
	})
}

// FuzzDistance checks the edit distance: zero only for equal strings,
// symmetric, bounded by the longer length, and BoundedDistance agrees with it.
func FuzzDistance(f *testing.F) {
	f.Add("rehman", "rehmn", 2)
	f.Add("", "abc", 0)
	f.Add("ß", "ss", 1)
	f.Fuzz(func(t *testing.T, a, b string, max int) {
		if len(a) > 64 || len(b) > 64 {
			return // quadratic: keep the run quick
		}
		d := Distance(a, b)
		if d != Distance(b, a) {
			t.Fatalf("Distance not symmetric for %q, %q", a, b)
		}
		if (d == 0) != (string([]rune(a)) == string([]rune(b))) {
			t.Fatalf("Distance(%q, %q) = %d", a, b, d)
		}
		if d > max2(utf8.RuneCountInString(a), utf8.RuneCountInString(b)) {
			t.Fatalf("Distance(%q, %q) = %d exceeds the longer length", a, b, d)
		}
		max = max % 10
		if max < 0 {
			max = -max
		}
		want := d
		if d > max {
			want = max + 1
		}
		if got := BoundedDistance(a, b, max); got != want {
			t.Fatalf("BoundedDistance(%q, %q, %d) = %d, Distance %d", a, b, max, got, d)
		}
	})
}

func max2(a, b int) int {
	if a > b {
		return a
	}
	return b
}
