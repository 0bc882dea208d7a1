package httpapi

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/lexer"

	"github.com/corridor-kg/corridor/domain"
)

// CodeBadRequest is the extensions.code of a request that is not a well-formed
// GraphQL-over-HTTP request (wrong method or content type, a batch, a body that is
// not one JSON object, invalid UTF-8, too large). Errors inside a well-formed
// request keep the GraphQL layer's codes (BAD_USER_INPUT and the others).
const CodeBadRequest = "BAD_REQUEST"

// requestError is a refusal of a request before it reaches the GraphQL handler.
type requestError struct {
	status int
	code   string
	msg    string
}

func badRequest(msg string) *requestError {
	return &requestError{status: http.StatusBadRequest, code: CodeBadRequest, msg: msg}
}

// gqlRequest is what a GraphQL request asks for, as far as the checks need it.
type gqlRequest struct {
	// query is the document text; empty when only a persisted-query hash is sent.
	query string
	// hash is extensions.persistedQuery.sha256Hash, if sent.
	hash string
	// fill is the allowlisted query to fill in for a hash-only request.
	fill string
}

// mediaTypes are the POST content types served; application/graphql+json is the
// older name of the GraphQL-over-HTTP media type.
var mediaTypes = map[string]bool{"application/json": true, "application/graphql+json": true}

// decodePOST checks a POST body: a supported content type, valid UTF-8 with no lone
// UTF-16 surrogate escapes, and exactly one JSON object with GraphQL's fields.
func decodePOST(contentType string, body []byte) (gqlRequest, *requestError) {
	mt, params, err := mime.ParseMediaType(contentType)
	if err != nil || !mediaTypes[mt] {
		return gqlRequest{}, &requestError{status: http.StatusUnsupportedMediaType, code: CodeBadRequest,
			msg: "Content-Type must be application/json (or application/graphql+json); use GET with ?query= for queries in the URL"}
	}
	if cs, ok := params["charset"]; ok && !strings.EqualFold(cs, "utf-8") {
		return gqlRequest{}, &requestError{status: http.StatusUnsupportedMediaType, code: CodeBadRequest,
			msg: "the request body must be UTF-8, not " + cs}
	}
	if e := checkText(body); e != nil {
		return gqlRequest{}, e
	}
	trimmed := bytes.TrimLeft(body, " \t\r\n")
	switch {
	case len(trimmed) == 0:
		return gqlRequest{}, badRequest("the request body is empty: send a JSON object {\"query\": ...}")
	case trimmed[0] == '[':
		return gqlRequest{}, badRequest("batched requests (a JSON array of operations) are not supported: send one operation per request")
	case trimmed[0] != '{':
		return gqlRequest{}, notAnObject()
	}
	var p struct {
		Query         *string                    `json:"query"`
		OperationName *string                    `json:"operationName"`
		Variables     map[string]json.RawMessage `json:"variables"`
		Extensions    *extensions                `json:"extensions"`
	}
	// Unmarshal checks the whole body is valid JSON before it decodes anything.
	if err := json.Unmarshal(trimmed, &p); err != nil {
		if _, syntax := errors.AsType[*json.SyntaxError](err); syntax {
			return gqlRequest{}, notAnObject()
		}
		return gqlRequest{}, badRequest("the request body is not a GraphQL request: query and operationName must be strings, variables and extensions objects")
	}
	var req gqlRequest
	if p.Query != nil {
		req.query = *p.Query
	}
	req.hash = p.Extensions.hash()
	return req, nil
}

// notAnObject is the error of a body that is not one JSON object.
func notAnObject() *requestError {
	return badRequest("the request body is not a JSON object: send {\"query\": ..., \"variables\": {...}}")
}

// extensions holds the request extensions the checks read.
type extensions struct {
	PersistedQuery *struct {
		Sha256Hash string `json:"sha256Hash"`
	} `json:"persistedQuery"`
}

func (e *extensions) hash() string {
	if e == nil || e.PersistedQuery == nil {
		return ""
	}
	return e.PersistedQuery.Sha256Hash
}

// decodeGET checks the URL parameters of a GET request: valid UTF-8, variables
// and extensions that are JSON objects, and a query with no mutation (GET is safe
// and cacheable, so it serves queries only).
func decodeGET(rawQuery string) (gqlRequest, *requestError) {
	values, err := url.ParseQuery(rawQuery)
	if err != nil {
		return gqlRequest{}, badRequest("the URL's query string is malformed")
	}
	for k, vs := range values {
		for _, v := range append(vs, k) {
			if e := checkText([]byte(v)); e != nil {
				return gqlRequest{}, e
			}
		}
	}
	for _, k := range []string{"variables", "extensions"} {
		if v := values.Get(k); v != "" {
			var m map[string]json.RawMessage
			if json.Unmarshal([]byte(v), &m) != nil {
				return gqlRequest{}, badRequest("the " + k + " parameter must be a JSON object")
			}
		}
	}
	req := gqlRequest{query: values.Get("query")}
	if v := values.Get("extensions"); v != "" {
		var e extensions
		if json.Unmarshal([]byte(v), &e) != nil {
			return gqlRequest{}, badRequest("the extensions parameter is not a GraphQL request's extensions")
		}
		req.hash = e.hash()
	}
	if op := writeOperation(req.query); op != "" {
		return gqlRequest{}, &requestError{status: http.StatusMethodNotAllowed, code: CodeBadRequest,
			msg: "GET serves queries only: send " + op + " operations by POST"}
	}
	return req, nil
}

// writeOperation returns "mutation" or "subscription" when query defines such an
// operation, else "". It reads tokens only, stopping at the first such
// definition: a GET URL may hold a megabyte, and parsing it all here would cost
// more than the document limits that come later allow.
func writeOperation(query string) string {
	lex := lexer.New(&ast.Source{Input: query})
	depth := 0
	start := true // at the start of a definition
	for {
		tok, err := lex.ReadToken()
		if err != nil || tok.Kind == lexer.EOF {
			return ""
		}
		switch tok.Kind {
		case lexer.Comment:
			continue
		case lexer.BraceL, lexer.ParenL, lexer.BracketL:
			depth++
		case lexer.BraceR, lexer.ParenR, lexer.BracketR:
			depth--
		case lexer.Name:
			if start && depth == 0 && (tok.Value == "mutation" || tok.Value == "subscription") {
				return tok.Value
			}
		}
		// A definition starts the document, and after a top-level selection set.
		start = depth == 0 && tok.Kind == lexer.BraceR
	}
}

// checkText refuses invalid UTF-8 and JSON \u escapes of lone UTF-16 surrogates:
// Go's JSON decoder would silently turn both into U+FFFD.
func checkText(b []byte) *requestError {
	if !utf8.Valid(b) {
		return badRequest("the request is not valid UTF-8")
	}
	for i := 0; i < len(b); i++ {
		if b[i] != '\\' {
			continue
		}
		i++ // the escaped character
		if i >= len(b) || b[i] != 'u' {
			continue
		}
		r, ok := hex4(b, i+1)
		if !ok {
			continue // not an escape JSON accepts: the JSON check refuses it
		}
		i += 4
		switch {
		case r >= 0xDC00 && r <= 0xDFFF:
			return badRequest("the request holds a lone UTF-16 surrogate escape (\\u" + string(b[i-3:i+1]) + "): not valid Unicode")
		case r >= 0xD800 && r <= 0xDBFF:
			lo, ok := rune(0), i+2 < len(b) && b[i+1] == '\\' && b[i+2] == 'u'
			if ok {
				lo, ok = hex4(b, i+3)
			}
			if !ok || utf16.DecodeRune(r, lo) == utf8.RuneError {
				return badRequest("the request holds a lone UTF-16 surrogate escape (\\u" + string(b[i-3:i+1]) + "): not valid Unicode")
			}
			i += 6
		}
	}
	return nil
}

// hex4 reads four hex digits at b[i:].
func hex4(b []byte, i int) (rune, bool) {
	if i+4 > len(b) {
		return 0, false
	}
	var r rune
	for _, c := range b[i : i+4] {
		switch {
		case c >= '0' && c <= '9':
			r = r<<4 | rune(c-'0')
		case c >= 'a' && c <= 'f':
			r = r<<4 | rune(c-'a'+10)
		case c >= 'A' && c <= 'F':
			r = r<<4 | rune(c-'A'+10)
		default:
			return 0, false
		}
	}
	return r, true
}

// QueryHash is the SHA-256 of a query's exact text, in hex: the hash automatic
// persisted queries use, and the key of the allowlist.
func QueryHash(query string) string {
	sum := sha256.Sum256([]byte(query))
	return hex.EncodeToString(sum[:])
}

// withRequestChecks refuses what is not one well-formed GraphQL request (see
// decodePOST and decodeGET) and, when allowlist is not nil, any query whose hash
// is not in it. A request that sends only an allowlisted hash gets the query
// text filled in, so allowlisted queries work by hash from the first request.
func withRequestChecks(allowlist map[string]string, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var req gqlRequest
		var rerr *requestError
		var body []byte
		switch r.Method {
		case http.MethodOptions:
			next.ServeHTTP(w, r)
			return
		case http.MethodGet:
			req, rerr = decodeGET(r.URL.RawQuery)
		case http.MethodPost:
			if r.Body != nil {
				var err error
				if body, err = io.ReadAll(r.Body); err != nil {
					rerr = badRequest("could not read the request body")
				}
			}
			if rerr == nil {
				req, rerr = decodePOST(r.Header.Get("Content-Type"), body)
			}
		default:
			w.Header().Set("Allow", "GET, POST, OPTIONS")
			rerr = &requestError{status: http.StatusMethodNotAllowed, code: CodeBadRequest, msg: "method " + r.Method + " is not allowed: use POST (or GET for queries)"}
		}
		if rerr == nil && allowlist != nil {
			rerr = allow(allowlist, &req)
		}
		if rerr != nil {
			writeError(w, rerr.status, rerr.code, rerr.msg)
			return
		}
		if r.Method == http.MethodPost {
			// The GraphQL transport reads JSON only, and reads the body again.
			r.Header.Set("Content-Type", "application/json")
			if req.fill != "" {
				body = withQuery(body, req.fill)
			}
			r.Body = io.NopCloser(bytes.NewReader(body))
			r.ContentLength = int64(len(body))
		} else if req.fill != "" {
			v, _ := url.ParseQuery(r.URL.RawQuery)
			v.Set("query", req.fill)
			r.URL.RawQuery = v.Encode()
		}
		next.ServeHTTP(w, r)
	})
}

// allow checks req against the allowlist; a hash-only request for an allowed
// query gets the query to fill in.
func allow(allowlist map[string]string, req *gqlRequest) *requestError {
	refuse := &requestError{status: http.StatusForbidden, code: domain.EFORBIDDEN,
		msg: "this server runs only allowlisted queries (CORRIDOR_ALLOWLIST_ONLY), and this one is not on its list"}
	switch {
	case req.query != "":
		if _, ok := allowlist[QueryHash(req.query)]; !ok {
			return refuse
		}
	case req.hash != "":
		q, ok := allowlist[strings.ToLower(req.hash)]
		if !ok {
			return refuse
		}
		req.fill = q
	}
	return nil
}

// withQuery sets the "query" member of a JSON object body.
func withQuery(body []byte, query string) []byte {
	var m map[string]json.RawMessage
	if json.Unmarshal(body, &m) != nil {
		return body
	}
	m["query"], _ = json.Marshal(query)
	out, _ := json.Marshal(m)
	return out
}

// Allowlist maps each query's QueryHash to the query.
func Allowlist(queries ...string) map[string]string {
	m := make(map[string]string, len(queries))
	for _, q := range queries {
		m[QueryHash(q)] = q
	}
	return m
}

// ReadQueries returns the text of every *.graphql file in dir, for the allowlist.
func ReadQueries(dir string) ([]string, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.graphql"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("no *.graphql files in %s", dir)
	}
	out := make([]string, 0, len(files))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		out = append(out, string(b))
	}
	return out, nil
}
