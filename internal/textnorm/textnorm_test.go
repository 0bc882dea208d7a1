package textnorm

import (
	"slices"
	"testing"
)

func TestNormalize(t *testing.T) {
	cases := []struct{ in, want, split string }{
		{"Ánúsha Rehman", "anusha rehman", "anusha rehman"},
		{"E-Corridor", "ecorridor", "e corridor"},
		{"e corridor", "e corridor", "e corridor"},
		{"  Pakistan's   IT—exports!! ", "pakistans it exports", "pakistans it exports"},
		{"Belt‐and‐Road", "beltandroad", "belt and road"},
		{"Ministry of Planning, Development & Reforms", "ministry of planning development reforms", "ministry of planning development reforms"},
		{"Straße Łódź Ørsted", "strasse lodz orsted", "strasse lodz orsted"},
		{"MoIT", "moit", "moit"},
		{"USD 2.5 bn", "usd 2 5 bn", "usd 2 5 bn"},
		{"中巴经济走廊", "中巴经济走廊", "中巴经济走廊"},
		{"...", "", ""},
	}
	for _, c := range cases {
		if got := Normalize(c.in); got != c.want {
			t.Errorf("Normalize(%q) = %q, want %q", c.in, got, c.want)
		}
		if got := NormalizeSplit(c.in); got != c.split {
			t.Errorf("NormalizeSplit(%q) = %q, want %q", c.in, got, c.split)
		}
	}
}

func TestFormsAndTokens(t *testing.T) {
	if got := Forms("E-Corridor"); !slices.Equal(got, []string{"ecorridor", "e corridor"}) {
		t.Errorf("Forms = %q", got)
	}
	if got := Forms("MoIT"); !slices.Equal(got, []string{"moit"}) {
		t.Errorf("Forms = %q", got)
	}
	if got := Forms(" - "); got != nil {
		t.Errorf("Forms of punctuation = %q, want nil", got)
	}
	if got := Tokens("Digital Belt-and-Road"); !slices.Equal(got, []string{"digital", "beltandroad"}) {
		t.Errorf("Tokens = %q", got)
	}
	if got := AllTokens("E-Corridor plan"); !slices.Equal(got, []string{"ecorridor", "plan", "e", "corridor"}) {
		t.Errorf("AllTokens = %q", got)
	}
}

func TestDistance(t *testing.T) {
	cases := []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"abc", "", 3}, {"", "abc", 3}, {"kitten", "sitting", 3},
		{"anusha", "anusha", 0}, {"anusha", "anisha", 1}, {"rehman", "rahman", 1},
		{"ministry", "minsitry", 2}, {"ábc", "abc", 1}, {"flaw", "lawn", 2},
	}
	for _, c := range cases {
		if got := Distance(c.a, c.b); got != c.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
		if got := Distance(c.b, c.a); got != c.want {
			t.Errorf("Distance(%q, %q) = %d, want %d (symmetry)", c.b, c.a, got, c.want)
		}
	}
}

func TestBoundedDistance(t *testing.T) {
	if got := BoundedDistance("kitten", "sitting", 1); got != 2 {
		t.Errorf("bounded at 1 = %d, want 2", got)
	}
	if got := BoundedDistance("kitten", "sitting", 3); got != 3 {
		t.Errorf("bounded at 3 = %d, want 3", got)
	}
	if got := BoundedDistance("a", "abcdef", 2); got != 3 {
		t.Errorf("length gap beyond bound = %d, want 3", got)
	}
	if got := BoundedDistance("corridor", "coridor", 0); got != 1 {
		t.Errorf("bound 0 = %d, want 1", got)
	}
}

func TestMaxTypos(t *testing.T) {
	for n, want := range map[int]int{1: 0, 3: 0, 4: 1, 7: 1, 8: 2, 20: 2} {
		if got := MaxTypos(n); got != want {
			t.Errorf("MaxTypos(%d) = %d, want %d", n, got, want)
		}
	}
}

func BenchmarkNormalize(b *testing.B) {
	for b.Loop() {
		Normalize("Ministry of Planning, Development & Reforms — Ánúsha’s E-Corridor")
	}
}
