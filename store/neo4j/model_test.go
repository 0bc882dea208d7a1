package neo4j

import (
	"math/rand/v2"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/corridor-kg/corridor/domain"
	"github.com/corridor-kg/corridor/store/storetest"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"
)

// zeroFields returns the paths of the zero-valued fields of v (recursively into
// structs, slices and pointers).
func zeroFields(v reflect.Value, path string) []string {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			return []string{path}
		}
		return zeroFields(v.Elem(), path)
	case reflect.Struct:
		var out []string
		for i := range v.NumField() {
			out = append(out, zeroFields(v.Field(i), path+"."+v.Type().Field(i).Name)...)
		}
		return out
	case reflect.Slice:
		if v.Len() == 0 {
			return []string{path}
		}
		var out []string
		for i := range v.Len() {
			out = append(out, zeroFields(v.Index(i), path)...)
		}
		return out
	case reflect.Bool:
		// false is a meaningful value; the samples set true where it matters.
		return nil
	}
	if v.IsZero() {
		return []string{path}
	}
	return nil
}

func TestFullSamplesSetEveryField(t *testing.T) {
	samples := fullSamples()
	if len(samples) != len(domain.Kinds) {
		t.Fatalf("%d samples for %d kinds", len(samples), len(domain.Kinds))
	}
	for i, n := range samples {
		if n.NodeKind() != domain.Kinds[i] {
			t.Errorf("sample %d is a %s, want %s", i, n.NodeKind(), domain.Kinds[i])
		}
		if z := zeroFields(reflect.ValueOf(n), string(n.NodeKind())); len(z) > 0 {
			t.Errorf("sample %s leaves fields unset: %v", n.NodeID(), z)
		}
	}
}

// TestRoundTrip writes every kind of record (every field set, then only an ID)
// through the adapter's encoding, builds the records Neo4j returns for it with the
// driver's types, and checks that decoding gives back the same record.
func TestRoundTrip(t *testing.T) {
	rnd := rand.New(rand.NewPCG(1, 2))
	for _, set := range [][]domain.Node{fullSamples(), minimalSamples()} {
		for _, n := range set {
			got, err := decodeNode(projection(n, rnd))
			if err != nil {
				t.Errorf("%s: decode: %v", n.NodeID(), err)
				continue
			}
			if !reflect.DeepEqual(got, n) {
				t.Errorf("%s: round trip changed the record:\n got %#v\nwant %#v", n.NodeID(), got, n)
			}
		}
	}
}

func TestRoundTripFixture(t *testing.T) {
	rnd := rand.New(rand.NewPCG(3, 4))
	for _, n := range storetest.Fixture().Nodes() {
		got, err := decodeNode(projection(n, rnd))
		if err != nil {
			t.Fatalf("%s: decode: %v", n.NodeID(), err)
		}
		if !reflect.DeepEqual(got, n) {
			t.Errorf("%s: round trip changed the record:\n got %#v\nwant %#v", n.NodeID(), got, n)
		}
	}
}

func TestEncodeProperties(t *testing.T) {
	for _, n := range fullSamples() {
		e := encode(n)
		p := e.node.props
		if p["origin"] != string(domain.OriginCurated) || p["sortLabel"] == nil || p["searchKind"] != strings.ToLower(string(n.NodeKind())) {
			t.Errorf("%s: common properties %v", n.NodeID(), p)
		}
		for k, v := range p {
			switch v.(type) {
			case nil, string, int64, float64, bool, []string:
			default:
				t.Errorf("%s: property %s holds %T, not a Neo4j property type", n.NodeID(), k, v)
			}
		}
	}
	m := fullSamples()[4].(*domain.Meeting)
	p := encode(m).node.props
	want := map[string]any{"date": "2021-09-23", "datePrecision": "DAY", "dateText": "on Thursday",
		"dateStart": "2021-09-23", "dateEnd": "2021-09-23", "sequence": int64(10), "sortLabel": "10th jcc"}
	for k, v := range want {
		if p[k] != v {
			t.Errorf("meeting property %s = %#v, want %#v", k, p[k], v)
		}
	}
	r := encode(fullSamples()[3]).node.props
	if r["validFromStart"] != "2013-06-01" || r["validFromEnd"] != "2013-06-30" || r["validToPrecision"] != "YEAR" {
		t.Errorf("role date bounds: %v", r)
	}
	c := encode(minimalSamples()[5]).node.props
	if v, ok := c["amountValue"]; !ok || v != nil {
		t.Errorf("a commitment without amount must clear amountValue, got %v (set %v)", v, ok)
	}
}

// TestSearchText checks the derived text-filter and full-text properties.
func TestSearchText(t *testing.T) {
	o := fullSamples()[1].(*domain.Organization)
	p := encode(o).node.props
	text := p["searchText"].(string)
	for _, want := range []string{"ministry of it\n", "moit\n", "it ministry\n"} {
		if !strings.Contains(text, want) {
			t.Errorf("searchText %q lacks %q", text, want)
		}
	}
	if !strings.Contains(p["searchExact"].(string), "ministry_of_it") || !strings.Contains(p["searchTokens"].(string), "moit") {
		t.Errorf("search props %q / %q", p["searchExact"], p["searchTokens"])
	}
	person := encode(fullSamples()[0]).node.props
	if !strings.Contains(person["searchTokens"].(string), "anusha") {
		t.Errorf("diacritics not folded: %q", person["searchTokens"])
	}
	pr := encode(fullSamples()[6]).node.props["searchTokens"].(string)
	for _, w := range []string{"ecorridor", "e", "corridor"} {
		if !slices.Contains(strings.Fields(pr), w) {
			t.Errorf("hyphenated name: tokens %q lack %q", pr, w)
		}
	}
	c := encode(fullSamples()[5]).node.props["searchText"].(string)
	if !strings.Contains(c, "commitment c1 quote 0") {
		t.Errorf("commitment searchText lacks its evidence quotes: %q", c)
	}
}

// TestEncodeMatchesEdges checks that the relationships the adapter writes are
// exactly the domain's derived edges (domain.Edges), and that each end has a kind
// the linter's graph schema allows.
func TestEncodeMatchesEdges(t *testing.T) {
	nodes := append(fullSamples(), storetest.Fixture().Nodes()...)
	for _, n := range nodes {
		var got, want []string
		for _, r := range encode(n).rels {
			got = append(got, r.from+"|"+string(r.typ)+"|"+r.to)
		}
		for _, e := range domain.Edges(n) {
			want = append(want, e.ID)
			from, to := domain.Ends(e.Type)
			if len(from) == 0 {
				t.Errorf("no endpoints for %s", e.Type)
				continue
			}
			if k := domain.KindOfID(e.From); !slices.Contains(from, k) {
				t.Errorf("%s: %s may not start at a %s", e.ID, e.Type, k)
			}
			if k := domain.KindOfID(e.To); !slices.Contains(to, k) {
				t.Errorf("%s: %s may not end at a %s", e.ID, e.Type, k)
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s: encoded relationships\n %q\nwant domain.Edges\n %q", n.NodeID(), got, want)
		}
	}
}

// typesIn returns the relationship types of the first pattern [x:A|B|…] that
// begins with the given prefix in s.
func typesIn(t *testing.T, s, prefix string) []string {
	t.Helper()
	re := regexp.MustCompile(regexp.QuoteMeta(prefix) + `([A-Z_|]+)\]`)
	m := re.FindStringSubmatch(s)
	if m == nil {
		t.Fatalf("no %s…] in\n%s", prefix, s)
	}
	types := strings.Split(m[1], "|")
	slices.Sort(types)
	return types
}

func relNames(ts []domain.RelType) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = string(t)
	}
	slices.Sort(out)
	return out
}

// TestOwnership keeps the Cypher that reads and clears a record's relationships in
// step with the Go ownership table, which must cover every relationship type once.
func TestOwnership(t *testing.T) {
	all := append(append([]domain.RelType{}, ownedOut...), ownedIn...)
	if got, want := relNames(all), relNames(domain.RelTypes); !slices.Equal(got, want) {
		t.Errorf("ownedOut+ownedIn = %q, want every type once %q", got, want)
	}
	fragment := readCypher("fragments/node.cypher")
	clear := readCypher("seed/clear.cypher")
	if got := typesIn(t, fragment, "(n)-[xr:"); !slices.Equal(got, relNames(ownedOut)) {
		t.Errorf("fragments/node.cypher out types %q, want %q", got, relNames(ownedOut))
	}
	if got := typesIn(t, fragment, "(n)<-[xr:"); !slices.Equal(got, relNames(ownedIn)) {
		t.Errorf("fragments/node.cypher in types %q, want %q", got, relNames(ownedIn))
	}
	if got := typesIn(t, clear, "(n)-[r:"); !slices.Equal(got, relNames(ownedOut)) {
		t.Errorf("seed/clear.cypher out types %q, want %q", got, relNames(ownedOut))
	}
	if got := typesIn(t, clear, "(n)<-[r:"); !slices.Equal(got, relNames(ownedIn)) {
		t.Errorf("seed/clear.cypher in types %q, want %q", got, relNames(ownedIn))
	}
}

func TestLabels(t *testing.T) {
	for _, k := range domain.Kinds {
		l := label(k)
		if l == "" || strings.ToUpper(l) != string(k) || l[:1] != strings.ToUpper(l[:1]) {
			t.Errorf("label(%s) = %q", k, l)
		}
		if got := kindOfLabels([]string{labelNode, l}); got != k {
			t.Errorf("kindOfLabels(Node, %s) = %s", l, got)
		}
	}
	if got := kindOfLabels([]string{labelNode, labelEvidence}); got != "" {
		t.Errorf("an Evidence node has kind %q", got)
	}
}

func TestDecodeRejectsMalformed(t *testing.T) {
	good := projection(fullSamples()[0], rand.New(rand.NewPCG(5, 6)))
	node := good["node"].(dbtype.Node)
	bad := map[string]map[string]any{
		"not a node":    {"node": "person:x"},
		"no kind label": {"node": dbtype.Node{Labels: []string{labelNode}, Props: node.Props}},
		"no id":         {"node": dbtype.Node{Labels: node.Labels, Props: map[string]any{"name": "x"}}},
		"name not text": {"node": dbtype.Node{Labels: node.Labels, Props: map[string]any{"id": "person:x", "name": int64(3)}}},
		"out not list":  {"node": node, "out": "x"},
		"unknown evidence": {"node": dbtype.Node{Labels: []string{labelNode, "Meeting"}, Props: map[string]any{"id": "meeting:x"}},
			"in": []any{[]any{dbtype.Relationship{Type: "PARTICIPATED_IN", Props: map[string]any{"position": int64(0), "evidence": []any{"nope"}}}, "person:y"}}},
	}
	for name, raw := range bad {
		if _, err := decodeNode(raw); err == nil {
			t.Errorf("%s: decoded without error", name)
		}
	}
	if _, err := decodeNode(nil); err == nil {
		t.Error("nil projection decoded")
	}
}
