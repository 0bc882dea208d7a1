package nodejson

import (
	"reflect"
	"testing"

	"github.com/corridor-kg/corridor/domain"
)

// TestRoundTrip checks that Decode gives back what Encode wrote, and that a record of an unknown kind is an error.
func TestRoundTrip(t *testing.T) {
	p := &domain.Person{Meta: domain.Meta{ID: "person:a"}, Name: "A", Aliases: []string{"Ay"}}
	c, err := Clone(p)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(c, domain.Node(p)) {
		t.Errorf("Clone = %#v, want %#v", c, p)
	}
	c.(*domain.Person).Aliases[0] = "changed"
	if p.Aliases[0] != "Ay" {
		t.Error("Clone shares the original's slices")
	}
	if _, err := Decode([]byte(`{"kind":"Nothing","node":{}}`)); err == nil {
		t.Error("Decode of an unknown kind: no error")
	}
}
