package gqlstub

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
)

// introspectionQuery is the query GraphiQL 5 sends (graphql-js
// getIntrospectionQuery with its defaults), abbreviated to the parts that
// exercise fragments, aliases and nesting.
const introspectionQuery = `query IntrospectionQuery {
  __schema {
    queryType { name kind }
    mutationType { name }
    types { ...FullType }
    directives { name locations args { ...InputValue } }
  }
}
fragment FullType on __Type {
  kind name description
  fields(includeDeprecated: true) { name args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason }
  inputFields { ...InputValue }
  interfaces { ...TypeRef }
  enumValues(includeDeprecated: true) { name }
  possibleTypes { ...TypeRef }
}
fragment InputValue on __InputValue { name type { ...TypeRef } defaultValue }
fragment TypeRef on __Type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }`

func newStub(t *testing.T) *Stub {
	t.Helper()
	sdl, err := os.ReadFile("../../testdata/schema.graphql")
	if err != nil {
		t.Fatal(err)
	}
	s, err := New(string(sdl), "{\n  \"data\": {\"about\": {\"version\": \"test\"}}\n}")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func post(t *testing.T, h http.Handler, body string) map[string]any {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(body)))
	var out map[string]any
	if err := json.Unmarshal(rec.Body.Bytes(), &out); err != nil {
		t.Fatalf("response is not JSON: %v: %s", err, rec.Body)
	}
	return out
}

func request(query string) string {
	b, _ := json.Marshal(map[string]string{"query": query})
	return string(b)
}

func findType(t *testing.T, schema map[string]any, name string) map[string]any {
	t.Helper()
	for _, v := range schema["types"].([]any) {
		if m := v.(map[string]any); m["name"] == name {
			return m
		}
	}
	t.Fatalf("type %s not in introspection result", name)
	return nil
}

func TestIntrospection(t *testing.T) {
	out := post(t, newStub(t), request(introspectionQuery))
	if out["errors"] != nil {
		t.Fatalf("errors: %v", out["errors"])
	}
	schema := out["data"].(map[string]any)["__schema"].(map[string]any)
	if got := schema["queryType"].(map[string]any); got["name"] != "Query" || got["kind"] != "OBJECT" {
		t.Errorf("queryType = %v", got)
	}
	if schema["mutationType"] != nil {
		t.Errorf("mutationType = %v, want null", schema["mutationType"])
	}

	query := findType(t, schema, "Query")
	if _, ok := query["__schema"]; ok {
		t.Error("fields not asked for leaked into the result")
	}
	var meetings, findActor map[string]any
	for _, f := range query["fields"].([]any) {
		switch f := f.(map[string]any); f["name"] {
		case "meetings":
			meetings = f
		case "findActor":
			findActor = f
		case "__schema", "__type":
			t.Errorf("introspection field %v listed as a Query field", f["name"])
		}
	}
	if meetings == nil || findActor == nil {
		t.Fatalf("Query fields missing: %v", query["fields"])
	}
	// MeetingConnection! is NON_NULL of OBJECT MeetingConnection.
	typ := meetings["type"].(map[string]any)
	if typ["kind"] != "NON_NULL" || typ["ofType"].(map[string]any)["name"] != "MeetingConnection" {
		t.Errorf("meetings type = %v", typ)
	}
	if findActor["isDeprecated"] != true || findActor["deprecationReason"] != "Use search." {
		t.Errorf("findActor deprecation = %v, %v", findActor["isDeprecated"], findActor["deprecationReason"])
	}

	actor := findType(t, schema, "Actor")
	var possible []string
	for _, p := range actor["possibleTypes"].([]any) {
		possible = append(possible, p.(map[string]any)["name"].(string))
	}
	if strings.Join(possible, ",") != "Organization,Person" {
		t.Errorf("Actor possible types = %v", possible)
	}
	search := findType(t, schema, "Query")["fields"].([]any)[1].(map[string]any)
	first := search["args"].([]any)[1].(map[string]any)
	if first["name"] != "first" || first["defaultValue"] != "20" {
		t.Errorf("search(first:) = %v", first)
	}
	if len(findType(t, schema, "DatePrecision")["enumValues"].([]any)) != 4 {
		t.Error("DatePrecision should have 4 values")
	}
	if len(findType(t, schema, "CommitmentFilter")["inputFields"].([]any)) != 3 {
		t.Error("CommitmentFilter should have 3 input fields")
	}
}

func TestTypeByNameWithAlias(t *testing.T) {
	out := post(t, newStub(t), request(`{ m: __type(name: "Meeting") { name kind } missing: __type(name: "Nope") { name } __typename }`))
	data := out["data"].(map[string]any)
	if m := data["m"].(map[string]any); m["name"] != "Meeting" || m["kind"] != "OBJECT" {
		t.Errorf("m = %v", m)
	}
	if data["missing"] != nil {
		t.Errorf("missing = %v, want null", data["missing"])
	}
	if data["__typename"] != "Query" {
		t.Errorf("__typename = %v", data["__typename"])
	}
}

func TestIntrospectionDisabled(t *testing.T) {
	s := newStub(t)
	s.Introspection = false
	out := post(t, s, request(introspectionQuery))
	if out["data"] != nil || out["errors"] == nil {
		t.Fatalf("want only errors, got %v", out)
	}
}

func TestOtherOperationsGetTheAnswer(t *testing.T) {
	s := newStub(t)
	body := `{"query":"query About { about { version } }","operationName":"About","variables":{"x":1}}`
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(body)))
	if got := rec.Body.String(); got != `{"data":{"about":{"version":"test"}}}` {
		t.Errorf("answer sent as %q, want it compacted", got)
	}
	out := post(t, s, body)
	if got := out["data"].(map[string]any)["about"].(map[string]any)["version"]; got != "test" {
		t.Errorf("version = %v", got)
	}
	got := s.Received()
	if len(got) != 2 || got[0].OperationName != "About" || string(got[0].Variables) != `{"x":1}` {
		t.Errorf("received = %+v", got)
	}
	post(t, s, request(introspectionQuery))
	if len(s.Received()) != 2 {
		t.Error("introspection queries must not be recorded")
	}
}

func TestBadRequests(t *testing.T) {
	s := newStub(t)
	if out := post(t, s, `{"query":"{ broken"}`); out["errors"] == nil {
		t.Errorf("syntax error not reported: %v", out)
	}
	if out := post(t, s, `not json`); out["errors"] == nil {
		t.Errorf("bad JSON not reported: %v", out)
	}
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/graphql", nil))
	if rec.Code != http.StatusMethodNotAllowed {
		t.Errorf("GET status = %d", rec.Code)
	}
	if _, err := New("type Query { x: Nope }", `{}`); err == nil {
		t.Error("New accepted an invalid schema")
	}
}
