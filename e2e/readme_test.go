package e2e

import (
	"encoding/json"
	"os"
	"reflect"
	"regexp"
	"testing"
)

// readmeExample matches a ```graphql block followed, after blank lines, by the
// ```json block that shows its answer.
var readmeExample = regexp.MustCompile("(?s)```graphql\n(.*?)```\\s*```json\n(.*?)```")

// TestReadmeExamples runs every query of README.md that is shown with its output
// against the real server and checks the server answers exactly that output, so
// the README never drifts from what Corridor says.
func TestReadmeExamples(t *testing.T) {
	s := sharedServer(t)
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	examples := readmeExample.FindAllStringSubmatch(string(readme), -1)
	if len(examples) < 3 {
		t.Fatalf("README.md shows %d queries with their output, want at least 3", len(examples))
	}
	for i, ex := range examples {
		var want any
		if err := json.Unmarshal([]byte(ex[2]), &want); err != nil {
			t.Fatalf("example %d: the README's output is not JSON: %v", i+1, err)
		}
		r := s.query(t, ex[1], nil)
		var got any
		if err := json.Unmarshal([]byte(r.Raw), &got); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("example %d:\n%s\nthe server answers %s\nthe README shows %s", i+1, ex[1], r.Raw, ex[2])
		}
	}
}
