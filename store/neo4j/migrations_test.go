package neo4j

import (
	"regexp"
	"slices"
	"strings"
	"testing"
)

var (
	indexRE    = regexp.MustCompile(`CREATE (TEXT |RANGE )?INDEX \w+ IF NOT EXISTS FOR \(n:(\w+)\) ON \(n\.(\w+)\)`)
	propertyRE = regexp.MustCompile(`\bn\.(\w+)`)
)

// TestMigrationsIndexEveryFilter checks that the migrations index every property
// a connection filters or sorts on: a range index per label for each sort key, a
// range index on the property of at least one of the list's labels for each
// filter (text indexes for the text filter's searchText), so no filter or order
// of a connection scans every node of its label.
func TestMigrationsIndexEveryFilter(t *testing.T) {
	rangeIdx, textIdx := map[string]bool{}, map[string]bool{}
	for _, name := range migrationNames {
		for _, m := range indexRE.FindAllStringSubmatch(stmt(name), -1) {
			if m[1] == "TEXT " {
				textIdx[m[2]+"."+m[3]] = true
			} else {
				rangeIdx[m[2]+"."+m[3]] = true
			}
		}
	}
	if len(rangeIdx) == 0 || len(textIdx) == 0 {
		t.Fatalf("no indexes found in the migrations %q", migrationNames)
	}
	for list, spec := range lists {
		var labels []string
		for _, k := range listKinds[list] {
			labels = append(labels, label(k))
		}
		for field, key := range spec.keys {
			prop, ok := strings.CutPrefix(key.expr, "n.")
			if !ok {
				continue // the actors' KIND is the label itself
			}
			for _, l := range labels {
				if !rangeIdx[l+"."+prop] {
					t.Errorf("%s ordered by %s: no range index on %s.%s", list, field, l, prop)
				}
			}
		}
		var props []string
		for _, m := range propertyRE.FindAllStringSubmatch(readCypher("filters/"+list+".cypher"), -1) {
			props = append(props, m[1])
		}
		slices.Sort(props)
		for _, prop := range slices.Compact(props) {
			idx := rangeIdx
			if prop == "searchText" {
				idx = textIdx
			}
			if prop == "id" {
				continue // uniqueness constraints index id
			}
			if !slices.ContainsFunc(labels, func(l string) bool { return idx[l+"."+prop] }) {
				t.Errorf("%s filters on n.%s: no index on it for any of %q", list, prop, labels)
			}
		}
	}
}
