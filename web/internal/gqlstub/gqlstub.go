// Package gqlstub is a tiny GraphQL endpoint for tests of the playground.
//
// It answers introspection queries (any selection of __schema, __type and
// __typename, with fragments and aliases) from an SDL, and every other
// operation with one fixed response. It does not execute queries against
// data; it only needs to be good enough for GraphiQL to load the schema and
// show a result.
package gqlstub

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"sort"
	"strings"
	"sync"

	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"
)

// Stub is an http.Handler for POST requests with a JSON GraphQL body.
type Stub struct {
	schema *ast.Schema
	full   map[string]any // the complete introspection result
	answer json.RawMessage

	// Introspection, when false, answers introspection queries with an
	// error, as a server with introspection disabled does.
	Introspection bool

	mu       sync.Mutex
	received []Request
}

// Request is one GraphQL request the stub received.
type Request struct {
	Query         string          `json:"query"`
	OperationName string          `json:"operationName"`
	Variables     json.RawMessage `json:"variables"`
}

// New parses sdl and returns a stub that answers non-introspection
// operations with answer (a complete GraphQL response, e.g.
// `{"data":{...}}`), sent as compact JSON as a server would. Introspection
// is enabled.
func New(sdl string, answer string) (*Stub, error) {
	schema, err := gqlparser.LoadSchema(&ast.Source{Name: "schema.graphql", Input: sdl})
	if err != nil {
		return nil, fmt.Errorf("gqlstub: %w", err)
	}
	var compact bytes.Buffer
	if err := json.Compact(&compact, []byte(answer)); err != nil {
		return nil, fmt.Errorf("gqlstub: answer is not valid JSON: %w", err)
	}
	return &Stub{schema: schema, full: introspect(schema), answer: compact.Bytes(), Introspection: true}, nil
}

// Received returns the non-introspection requests received so far.
func (s *Stub) Received() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.received...)
}

// ServeHTTP answers one GraphQL POST request.
func (s *Stub) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", "POST")
		http.Error(w, "POST a GraphQL request", http.StatusMethodNotAllowed)
		return
	}
	var req Request
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		writeJSON(w, http.StatusBadRequest, errorResponse("invalid JSON body: "+err.Error()))
		return
	}
	doc, err := parser.ParseQuery(&ast.Source{Input: req.Query})
	if err != nil {
		writeJSON(w, http.StatusOK, errorResponse(err.Error()))
		return
	}
	op := pickOperation(doc, req.OperationName)
	if op == nil {
		writeJSON(w, http.StatusOK, errorResponse("operation not found"))
		return
	}
	if !isIntrospection(op.SelectionSet, doc) {
		s.mu.Lock()
		s.received = append(s.received, req)
		s.mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		w.Write(s.answer)
		return
	}
	if !s.Introspection {
		writeJSON(w, http.StatusOK, errorResponse("GraphQL introspection is not allowed"))
		return
	}
	root := map[string]any{"__schema": s.full, "__typename": s.schema.Query.Name}
	data := project(root, op.SelectionSet, doc, s.full)
	writeJSON(w, http.StatusOK, map[string]any{"data": data})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

func errorResponse(msg string) map[string]any {
	return map[string]any{"errors": []any{map[string]any{"message": msg}}}
}

func pickOperation(doc *ast.QueryDocument, name string) *ast.OperationDefinition {
	if name != "" {
		return doc.Operations.ForName(name)
	}
	if len(doc.Operations) == 1 {
		return doc.Operations[0]
	}
	return nil
}

// isIntrospection reports whether every root field is an introspection field.
func isIntrospection(set ast.SelectionSet, doc *ast.QueryDocument) bool {
	if len(set) == 0 {
		return false
	}
	for _, sel := range set {
		switch sel := sel.(type) {
		case *ast.Field:
			if !strings.HasPrefix(sel.Name, "__") {
				return false
			}
		case *ast.InlineFragment:
			if !isIntrospection(sel.SelectionSet, doc) {
				return false
			}
		case *ast.FragmentSpread:
			f := doc.Fragments.ForName(sel.Name)
			if f == nil || !isIntrospection(f.SelectionSet, doc) {
				return false
			}
		}
	}
	return true
}

// project selects from the full introspection value what the selection set
// asks for, under aliases, following fragments.
func project(value any, set ast.SelectionSet, doc *ast.QueryDocument, full map[string]any) any {
	switch v := value.(type) {
	case []map[string]any:
		out := make([]any, len(v))
		for i, item := range v {
			out[i] = project(item, set, doc, full)
		}
		return out
	case map[string]any:
		out := map[string]any{}
		selectInto(out, v, set, doc, full)
		return out
	default:
		return v
	}
}

func selectInto(out, obj map[string]any, set ast.SelectionSet, doc *ast.QueryDocument, full map[string]any) {
	for _, sel := range set {
		switch sel := sel.(type) {
		case *ast.Field:
			key := sel.Alias
			if key == "" {
				key = sel.Name
			}
			var value any
			if sel.Name == "__type" {
				value = typeByName(full, argString(sel, "name"))
			} else {
				value = obj[sel.Name]
			}
			if value == nil {
				out[key] = nil
				continue
			}
			out[key] = project(value, sel.SelectionSet, doc, full)
		case *ast.InlineFragment:
			selectInto(out, obj, sel.SelectionSet, doc, full)
		case *ast.FragmentSpread:
			if f := doc.Fragments.ForName(sel.Name); f != nil {
				selectInto(out, obj, f.SelectionSet, doc, full)
			}
		}
	}
}

func argString(f *ast.Field, name string) string {
	if a := f.Arguments.ForName(name); a != nil && a.Value != nil {
		return a.Value.Raw
	}
	return ""
}

func typeByName(full map[string]any, name string) any {
	for _, t := range full["types"].([]map[string]any) {
		if t["name"] == name {
			return t
		}
	}
	return nil
}

// introspect builds the complete introspection value of a schema: every
// field of __Schema, __Type, __Field, __InputValue, __EnumValue and
// __Directive, with deprecated items included.
func introspect(s *ast.Schema) map[string]any {
	names := make([]string, 0, len(s.Types))
	for name := range s.Types {
		names = append(names, name)
	}
	sort.Strings(names)
	types := make([]map[string]any, 0, len(names))
	for _, name := range names {
		types = append(types, fullType(s, s.Types[name]))
	}

	dnames := make([]string, 0, len(s.Directives))
	for name := range s.Directives {
		dnames = append(dnames, name)
	}
	sort.Strings(dnames)
	directives := make([]map[string]any, 0, len(dnames))
	for _, name := range dnames {
		d := s.Directives[name]
		locations := make([]any, len(d.Locations))
		for i, l := range d.Locations {
			locations[i] = string(l)
		}
		directives = append(directives, map[string]any{
			"__typename":   "__Directive",
			"name":         d.Name,
			"description":  nullable(d.Description),
			"locations":    locations,
			"args":         args(s, d.Arguments),
			"isRepeatable": d.IsRepeatable,
		})
	}

	schema := map[string]any{
		"__typename":       "__Schema",
		"description":      nullable(s.Description),
		"types":            types,
		"directives":       directives,
		"queryType":        namedRef(s.Query),
		"mutationType":     namedRef(s.Mutation),
		"subscriptionType": namedRef(s.Subscription),
	}
	return schema
}

func namedRef(d *ast.Definition) any {
	if d == nil {
		return nil
	}
	return map[string]any{"__typename": "__Type", "kind": string(d.Kind), "name": d.Name}
}

func fullType(s *ast.Schema, d *ast.Definition) map[string]any {
	t := map[string]any{
		"__typename":     "__Type",
		"kind":           string(d.Kind),
		"name":           d.Name,
		"description":    nullable(d.Description),
		"specifiedByURL": nil,
		"isOneOf":        nil,
		"fields":         nil,
		"inputFields":    nil,
		"interfaces":     nil,
		"enumValues":     nil,
		"possibleTypes":  nil,
		"ofType":         nil,
	}
	if dir := d.Directives.ForName("specifiedBy"); dir != nil {
		if a := dir.Arguments.ForName("url"); a != nil && a.Value != nil {
			t["specifiedByURL"] = a.Value.Raw
		}
	}
	switch d.Kind {
	case ast.Object, ast.Interface:
		fields := []map[string]any{}
		for _, f := range d.Fields {
			if strings.HasPrefix(f.Name, "__") {
				continue
			}
			reason, deprecated := deprecation(f.Directives)
			fields = append(fields, map[string]any{
				"__typename":        "__Field",
				"name":              f.Name,
				"description":       nullable(f.Description),
				"args":              args(s, f.Arguments),
				"type":              typeRef(s, f.Type),
				"isDeprecated":      deprecated,
				"deprecationReason": reason,
			})
		}
		t["fields"] = fields
		interfaces := []map[string]any{}
		for _, name := range d.Interfaces {
			interfaces = append(interfaces, namedRef(s.Types[name]).(map[string]any))
		}
		t["interfaces"] = interfaces
	case ast.InputObject:
		t["isOneOf"] = d.Directives.ForName("oneOf") != nil
		inputs := []map[string]any{}
		for _, f := range d.Fields {
			inputs = append(inputs, inputValue(s, f.Name, f.Description, f.Type, f.DefaultValue, f.Directives))
		}
		t["inputFields"] = inputs
	case ast.Enum:
		values := []map[string]any{}
		for _, v := range d.EnumValues {
			reason, deprecated := deprecation(v.Directives)
			values = append(values, map[string]any{
				"__typename":        "__EnumValue",
				"name":              v.Name,
				"description":       nullable(v.Description),
				"isDeprecated":      deprecated,
				"deprecationReason": reason,
			})
		}
		t["enumValues"] = values
	}
	if d.Kind == ast.Interface || d.Kind == ast.Union {
		possible := []map[string]any{}
		for _, p := range s.GetPossibleTypes(d) {
			possible = append(possible, namedRef(p).(map[string]any))
		}
		sort.Slice(possible, func(i, j int) bool { return possible[i]["name"].(string) < possible[j]["name"].(string) })
		t["possibleTypes"] = possible
	}
	return t
}

func args(s *ast.Schema, list ast.ArgumentDefinitionList) []map[string]any {
	out := []map[string]any{}
	for _, a := range list {
		out = append(out, inputValue(s, a.Name, a.Description, a.Type, a.DefaultValue, a.Directives))
	}
	return out
}

func inputValue(s *ast.Schema, name, description string, typ *ast.Type, def *ast.Value, dirs ast.DirectiveList) map[string]any {
	reason, deprecated := deprecation(dirs)
	var defaultValue any
	if def != nil {
		defaultValue = def.String()
	}
	return map[string]any{
		"__typename":        "__InputValue",
		"name":              name,
		"description":       nullable(description),
		"type":              typeRef(s, typ),
		"defaultValue":      defaultValue,
		"isDeprecated":      deprecated,
		"deprecationReason": reason,
	}
}

func typeRef(s *ast.Schema, t *ast.Type) map[string]any {
	if t.NonNull {
		inner := *t
		inner.NonNull = false
		return map[string]any{"__typename": "__Type", "kind": "NON_NULL", "name": nil, "ofType": typeRef(s, &inner)}
	}
	if t.Elem != nil {
		return map[string]any{"__typename": "__Type", "kind": "LIST", "name": nil, "ofType": typeRef(s, t.Elem)}
	}
	kind := "SCALAR"
	if d := s.Types[t.NamedType]; d != nil {
		kind = string(d.Kind)
	}
	return map[string]any{"__typename": "__Type", "kind": kind, "name": t.NamedType, "ofType": nil}
}

func deprecation(dirs ast.DirectiveList) (reason any, deprecated bool) {
	d := dirs.ForName("deprecated")
	if d == nil {
		return nil, false
	}
	if a := d.Arguments.ForName("reason"); a != nil && a.Value != nil {
		return a.Value.Raw, true
	}
	return "No longer supported", true
}

func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}
