package domain

import (
	"reflect"
	"slices"
	"strings"
	"testing"
)

func TestSchemaIsConsistent(t *testing.T) {
	if err := checkSchema(RelFields); err != nil {
		t.Fatal(err)
	}
	bad := map[string]func([]RelField) []RelField{
		"declared twice": func(rs []RelField) []RelField { return append(rs, rs[0]) },
		"held at the same end": func(rs []RelField) []RelField {
			r := rs[0]
			r.Field, r.Holder, r.Inbound = "other", KindCountry, !r.Inbound
			return append(rs, r)
		},
		"unknown holder kind": func(rs []RelField) []RelField { rs[0].Holder = "NOPE"; return rs },
		"unknown target kind": func(rs []RelField) []RelField { rs[0].Targets = []Kind{"NOPE"}; return rs },
		"no accessor":         func(rs []RelField) []RelField { rs[0].refs = nil; return rs },
	}
	for want, mutate := range bad {
		err := checkSchema(mutate(slices.Clone(RelFields)))
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: checkSchema = %v", want, err)
		}
	}
}

func TestKindSpecs(t *testing.T) {
	for _, s := range KindSpecs {
		n := s.New()
		if n.NodeKind() != s.Kind {
			t.Errorf("%s: New makes a %s", s.Kind, n.NodeKind())
		}
		if KindOfID(s.Prefix+":x") != s.Kind || s.Kind.Prefix() != s.Prefix {
			t.Errorf("%s: prefix %q does not round-trip", s.Kind, s.Prefix)
		}
		typedNil := reflect.Zero(reflect.TypeOf(n)).Interface().(Node)
		if !IsNil(typedNil) || IsNil(n) {
			t.Errorf("%s: IsNil(typed nil) = %v, IsNil(new) = %v", s.Kind, IsNil(typedNil), IsNil(n))
		}
		if s.Kind.IsActor() != slices.Contains(ActorKinds, s.Kind) {
			t.Errorf("%s: IsActor disagrees with ActorKinds", s.Kind)
		}
	}
	if !IsNil(nil) || KindOfID("nope:x") != "" || KindOfID("person") != "" || NewNode("NOPE") != nil {
		t.Error("unknown kinds and prefixes must give nothing")
	}
}

// TestRelFieldAccess adds, replaces and removes a reference through every
// relation field, on a fresh record of its holder kind.
func TestRelFieldAccess(t *testing.T) {
	ev := []Evidence{{SourceID: "source:a", Quote: "q"}}
	for _, r := range RelFields {
		t.Run(string(r.Holder)+"."+r.Field, func(t *testing.T) {
			n := NewNode(r.Holder)
			MetaOf(n).ID = r.Holder.Prefix() + ":x"
			if r.Add(n, Ref{ID: "a:1", Capacity: "host", Evidence: ev}) || !r.Add(n, Ref{ID: "a:1"}) {
				t.Fatal("Add must report a reference already there")
			}
			if r.Many {
				r.Add(n, Ref{ID: "a:2"})
				r.Replace(n, "a:2", "a:1") // merges into one reference
			}
			if got := r.IDs(n); !slices.Equal(got, []string{"a:1"}) {
				t.Fatalf("IDs = %v", got)
			}
			es := Edges(n)
			if len(es) != 1 || es[0].Type != r.Type {
				t.Fatalf("Edges = %+v", es)
			}
			e := es[0]
			if other := map[bool]string{false: e.To, true: e.From}[r.Inbound]; other != "a:1" {
				t.Errorf("edge %s: the reference is not at the %v end", e.ID, map[bool]string{false: "To", true: "From"}[r.Inbound])
			}
			if r.LinkProps && (e.Label != "host" || len(e.Evidence) != 1) {
				t.Errorf("a link's own capacity and evidence are lost: %+v", e)
			}
			r.Replace(n, "a:1", "a:3")
			if r.Remove(n, "a:1") || !r.Remove(n, "a:3") || len(r.IDs(n)) != 0 || len(Edges(n)) != 0 {
				t.Errorf("Replace or Remove failed: %v", r.IDs(n))
			}
			r.Set(n, []Ref{{ID: "a:4"}, {ID: "a:5"}})
			if want := map[bool][]string{false: {"a:4"}, true: {"a:4", "a:5"}}[r.Many]; !slices.Equal(r.IDs(n), want) {
				t.Errorf("after Set, IDs = %v, want %v", r.IDs(n), want)
			}
			if r.Set(n, nil); len(r.IDs(n)) != 0 {
				t.Errorf("Set(nil) leaves %v", r.IDs(n))
			}
		})
	}
}

func TestEnds(t *testing.T) {
	from, to := Ends(RelPartOf)
	if want := []Kind{KindOrganization, KindProgramme}; !slices.Equal(from, want) || !slices.Equal(to, want) {
		t.Errorf("PART_OF ends = %v → %v", from, to)
	}
	from, to = Ends(RelHolds)
	if !slices.Equal(from, []Kind{KindPerson}) || !slices.Equal(to, []Kind{KindRole}) {
		t.Errorf("HOLDS ends = %v → %v", from, to)
	}
	if _, to = Ends(RelAbout); !slices.Equal(to, Kinds) {
		t.Errorf("ABOUT may point at any kind, got %v", to)
	}
	if !HeldByTo(RelMade) || HeldByTo(RelMadeTo) {
		t.Error("MADE is held by the commitment (its To end), MADE_TO by the commitment (its From end)")
	}
}

// TestTraversalsDeclared: every traversal either runs relation fields
// backwards (reverseFields) or is one of the few each store computes.
func TestTraversalsDeclared(t *testing.T) {
	computed := []Traversal{TraverseMeetingPrevious, TraverseMeetingNext, TraverseSourceClaims}
	var got []Traversal
	for _, k := range Kinds {
		for _, rt := range ReverseTraversalsOf(k) {
			if rt.Field.Holder != k {
				t.Errorf("%s: field %s.%s is not held by the kind", rt.Traversal, rt.Field.Holder, rt.Field.Field)
			}
			if !slices.Contains(got, rt.Traversal) {
				got = append(got, rt.Traversal)
			}
		}
	}
	for _, tr := range Traversals {
		if slices.Contains(got, tr) == slices.Contains(computed, tr) {
			t.Errorf("%s must be declared in reverseFields or be computed, not both or neither", tr)
		}
	}
}
