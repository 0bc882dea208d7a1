package graph

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/corridor-kg/corridor/domain"
	"github.com/corridor-kg/corridor/graph/model"
)

// loadSchema parses schema.graphqls from the repository root.
func loadSchema(t *testing.T) *ast.Schema {
	t.Helper()
	src, err := os.ReadFile("../schema.graphqls")
	if err != nil {
		t.Fatalf("read schema: %v", err)
	}
	s, err := gqlparser.LoadSchema(&ast.Source{Name: "schema.graphqls", Input: string(src)})
	if err != nil {
		t.Fatalf("parse schema: %v", err)
	}
	return s
}

// TestSchemaIsDocumented fails on any type, field, argument, enum value or input
// field of the public schema without a description: the playground's docs are the
// reference manual.
func TestSchemaIsDocumented(t *testing.T) {
	s := loadSchema(t)
	missing := func(what string) { t.Errorf("%s has no description", what) }
	blank := func(d string) bool { return strings.TrimSpace(d) == "" }
	checked := 0
	for name, def := range s.Types {
		if def.BuiltIn {
			continue
		}
		checked++
		if blank(def.Description) {
			missing("type " + name)
		}
		for _, f := range def.Fields {
			if strings.HasPrefix(f.Name, "__") {
				continue
			}
			if blank(f.Description) {
				missing(name + "." + f.Name)
			}
			for _, a := range f.Arguments {
				if blank(a.Description) {
					missing(name + "." + f.Name + "(" + a.Name + ")")
				}
			}
		}
		for _, v := range def.EnumValues {
			if blank(v.Description) {
				missing(name + "." + v.Name)
			}
		}
	}
	if checked < 40 {
		t.Errorf("only %d types checked; is the schema loaded?", checked)
	}
}

// TestEnumsMatchDomain checks that each enum lists exactly the values its Go
// unmarshaller accepts, so neither side can drift.
func TestEnumsMatchDomain(t *testing.T) {
	s := loadSchema(t)
	str := func(xs ...[]string) []string { return slices.Concat(xs...) }
	conv := func(xs any) []string {
		var out []string
		switch xs := xs.(type) {
		case []domain.Kind:
			for _, x := range xs {
				out = append(out, string(x))
			}
		case []domain.Attribution:
			for _, x := range xs {
				out = append(out, string(x))
			}
		case []domain.Precision:
			for _, x := range xs {
				out = append(out, string(x))
			}
		case []domain.OrgType:
			for _, x := range xs {
				out = append(out, string(x))
			}
		case []domain.MeetingFormat:
			for _, x := range xs {
				out = append(out, string(x))
			}
		case []domain.CommitmentKind:
			for _, x := range xs {
				out = append(out, string(x))
			}
		case []domain.CommitmentStatus:
			for _, x := range xs {
				out = append(out, string(x))
			}
		case []domain.ProjectStatus:
			for _, x := range xs {
				out = append(out, string(x))
			}
		}
		return out
	}
	want := map[string][]string{
		"NodeKind":             conv(domain.Kinds),
		"Attribution":          conv(domain.Attributions),
		"DatePrecision":        conv(model.Precisions),
		"OrganizationType":     conv(domain.OrgTypes),
		"MeetingFormat":        conv(domain.MeetingFormats),
		"CommitmentKind":       conv(domain.CommitmentKinds),
		"CommitmentStatus":     conv(domain.CommitmentStatuses),
		"ProjectStatus":        conv(domain.ProjectStatuses),
		"OrderDirection":       str(model.OrderDirections),
		"ActorOrderField":      str(model.ActorOrderFields),
		"MeetingOrderField":    str(model.MeetingOrderFields),
		"CommitmentOrderField": str(model.CommitmentOrderFields),
		"ProjectOrderField":    str(model.ProjectOrderFields),
		"SourceOrderField":     str(model.SourceOrderFields),
		"RelationType":         enumNames(model.RelationTypes),
		"PathDirection":        enumNames(model.AllPathDirection),
		"TimelineEventKind":    enumNames(domain.TimelineEventKinds),
		"CommitmentGroup":      enumNames(domain.CommitmentGroups),
		"AuditAction": str([]string{string(domain.AuditCreate), string(domain.AuditUpdate), string(domain.AuditDelete),
			string(domain.AuditLink), string(domain.AuditUnlink), string(domain.AuditEvidence), string(domain.AuditMerge),
			string(domain.AuditImport), string(domain.AuditSeed)}),
	}
	for name, def := range s.Types {
		if def.Kind == ast.Enum && !def.BuiltIn && !strings.HasPrefix(name, "__") {
			if _, ok := want[name]; !ok {
				t.Errorf("enum %s has no Go counterpart in this test", name)
			}
		}
	}
	for name, values := range want {
		def := s.Types[name]
		if def == nil || def.Kind != ast.Enum {
			t.Errorf("enum %s missing from the schema", name)
			continue
		}
		var got []string
		for _, v := range def.EnumValues {
			got = append(got, v.Name)
		}
		if !slices.Equal(got, values) {
			t.Errorf("enum %s = %v, Go accepts %v", name, got, values)
		}
	}
}

// enumNames returns the values of a string enum as strings.
func enumNames[T ~string](xs []T) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = string(x)
	}
	return out
}

// TestContractNames checks the public names clients rely on (schema.graphqls,
// README.md) are there.
func TestContractNames(t *testing.T) {
	s := loadSchema(t)
	if n := s.Types["Node"]; n == nil || n.Kind != ast.Interface || n.Fields.ForName("id") == nil {
		t.Fatal("interface Node { id } missing")
	}
	actor := s.Types["Actor"]
	if actor == nil || actor.Kind != ast.Interface || !slices.Contains(actor.Interfaces, "Node") {
		t.Fatal("interface Actor implements Node missing")
	}
	for _, f := range []string{"id", "name", "aliases"} {
		if actor.Fields.ForName(f) == nil {
			t.Errorf("Actor.%s missing", f)
		}
	}
	for _, typ := range []string{"Person", "Organization", "Country"} {
		if !slices.Contains(s.Types[typ].Interfaces, "Actor") {
			t.Errorf("%s does not implement Actor", typ)
		}
	}
	for _, k := range domain.Kinds {
		name := map[domain.Kind]string{domain.KindPerson: "Person", domain.KindOrganization: "Organization",
			domain.KindCountry: "Country", domain.KindRole: "Role", domain.KindMeeting: "Meeting",
			domain.KindCommitment: "Commitment", domain.KindProject: "Project", domain.KindProgramme: "Programme",
			domain.KindPillar: "Pillar", domain.KindFigure: "Figure", domain.KindSource: "Source"}[k]
		def := s.Types[name]
		if def == nil || !slices.Contains(def.Interfaces, "Node") {
			t.Errorf("%s does not implement Node", name)
			continue
		}
		for _, f := range []string{"nodeKind", "label", "note", "evidence"} {
			if def.Fields.ForName(f) == nil {
				t.Errorf("%s.%s missing", name, f)
			}
		}
	}
	q := s.Query
	for field, args := range map[string][]string{
		"node": {"id"}, "nodes": {"ids"}, "search": {"text", "kinds", "first"},
		"actors": {"filter", "orderBy", "first", "after"}, "meetings": {"filter", "orderBy", "first", "after"},
		"commitments": {"filter", "orderBy", "first", "after"}, "projects": {"filter", "orderBy", "first", "after"},
		"sources": {"filter", "orderBy", "first", "after"}, "programmes": nil, "pillars": nil, "about": nil,
	} {
		f := q.Fields.ForName(field)
		if f == nil {
			t.Errorf("Query.%s missing", field)
			continue
		}
		for _, a := range args {
			if f.Arguments.ForName(a) == nil {
				t.Errorf("Query.%s(%s) missing", field, a)
			}
		}
	}
	cf := s.Types["CommitmentFilter"]
	for _, f := range []string{"madeBy", "madeTo", "meeting", "series", "project", "pillar", "programme", "kind", "status", "from", "to", "text"} {
		if cf.Fields.ForName(f) == nil {
			t.Errorf("CommitmentFilter.%s missing", f)
		}
	}
}

// TestSchemaSDL checks that SchemaSDL serves schema.graphqls as written.
func TestSchemaSDL(t *testing.T) {
	src, err := os.ReadFile("../schema.graphqls")
	if err != nil {
		t.Fatal(err)
	}
	if got := SchemaSDL(); got != string(src) {
		t.Errorf("SchemaSDL differs from schema.graphqls (%d vs %d bytes): run go generate ./graph/...", len(got), len(src))
	}
}
