package export

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/corridor-kg/corridor/domain"
)

// VersionHeader is the response header carrying the exported dataset version.
const VersionHeader = "X-Corridor-Dataset-Version"

// TruncatedHeader is the response header set to "true" when a neighbourhood
// limit left nodes out of the export.
const TruncatedHeader = "X-Corridor-Truncated"

// Handler serves GET /export/{format} for every format of Formats, streaming
// the graph of the store of p that the query parameters select (see Filter and
// Load; the names are those of the GraphQL neighborhood field's arguments):
//
//	kinds=PERSON,ORGANIZATION    keep nodes of these kinds
//	ids=meeting:jcc-10,…         keep these nodes
//	around=meeting:jcc-10        keep the neighbourhood of this node…
//	depth=2                      …up to this many hops (1 to 3; default 1)…
//	relationTypes=MADE,MADE_AT   …over relationships of these types (with ids: only these among them)…
//	limit=500                    …and at most this many nodes (default and most 2000)
//
// Parameters may repeat (kinds=PERSON&kinds=COUNTRY). The response is an
// attachment named corridor-<version>.<ext> with the dataset version in the
// X-Corridor-Dataset-Version header (and inside the file), and
// X-Corridor-Truncated: true when the limit cut the neighbourhood. Errors are
// JSON in the GraphQL shape, {"errors":[{"message","extensions":{"code","field"}}]}:
// a bad parameter is 400 BAD_USER_INPUT, an unknown format or node 404
// NOT_FOUND, a failed read 500 INTERNAL.
func Handler(p Ports) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /export/{format}", func(w http.ResponseWriter, r *http.Request) {
		serveExport(w, r, p)
	})
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/export/") && r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			writeError(w, http.StatusMethodNotAllowed, domain.EINVALID, "method "+r.Method+" is not allowed: use GET", "")
			return
		}
		writeError(w, http.StatusNotFound, domain.ENOTFOUND, "no such export: use /export/{"+formatNames()+"}", "")
	})
	return mux
}

// serveExport answers one export request.
func serveExport(w http.ResponseWriter, r *http.Request, p Ports) {
	name := r.PathValue("format")
	format, ok := Lookup(name)
	if !ok {
		writeError(w, http.StatusNotFound, domain.ENOTFOUND, "unknown export format "+strconv.Quote(name)+": use one of "+formatNames(), "format")
		return
	}
	filter, err := ParseFilter(r.URL.Query())
	if err != nil {
		writeDomainError(w, r, err)
		return
	}
	ctx := r.Context()
	g, err := Load(ctx, p, filter)
	if err != nil {
		writeDomainError(w, r, err)
		return
	}
	h := w.Header()
	h.Set("Content-Type", format.ContentType)
	h.Set("Content-Disposition", `attachment; filename="`+FileName(g.Version, format)+`"`)
	h.Set(VersionHeader, g.Version)
	if g.Truncated {
		h.Set(TruncatedHeader, "true")
	}
	h.Set("X-Content-Type-Options", "nosniff")
	if r.Method == http.MethodHead {
		return
	}
	if err := format.Write(ctx, w, g, Options{}); err != nil {
		// The status line and part of the body are gone: abort the response so the
		// client sees a broken transfer, not a complete-looking truncated file.
		if !errors.Is(err, context.Canceled) && !errors.Is(err, context.DeadlineExceeded) {
			slog.ErrorContext(ctx, "export failed", "format", format.Name, "error", err)
		}
		panic(http.ErrAbortHandler)
	}
}

// FileName returns the attachment name of an export: corridor-<version>.<ext>,
// with any character of the version other than letters, digits, ".", "-" and "_"
// replaced by "_".
func FileName(version string, f Format) string {
	if version == "" {
		version = "unversioned"
	}
	safe := strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '.' || r == '-' || r == '_' {
			return r
		}
		return '_'
	}, version)
	return "corridor-" + safe + "." + f.Ext
}

// ParseFilter reads a Filter from export query parameters (see Handler). Unknown
// parameters, unknown kinds or relationship types and out-of-range or
// malformed numbers are BAD_USER_INPUT errors naming the parameter.
func ParseFilter(q url.Values) (Filter, error) {
	var f Filter
	for key := range q {
		switch key {
		case "kinds", "ids", "around", "depth", "relationTypes", "limit":
		default:
			return f, domain.FieldErrorf(domain.EINVALID, key, "unknown parameter %q (expected kinds, ids, around, depth, relationTypes, limit)", key)
		}
	}
	for _, v := range splitList(q["kinds"]) {
		k := domain.Kind(strings.ToUpper(v))
		if !domain.Valid(k, domain.Kinds) {
			return f, domain.FieldErrorf(domain.EINVALID, "kinds", "unknown node kind %q (expected one of %s)", v, domain.JoinValues(domain.Kinds))
		}
		f.Kinds = append(f.Kinds, k)
	}
	for _, v := range splitList(q["relationTypes"]) {
		f.RelTypes = append(f.RelTypes, domain.RelType(strings.ToUpper(v)))
	}
	f.IDs = splitList(q["ids"])
	if vs := q["around"]; len(vs) > 0 {
		if len(vs) > 1 {
			return f, domain.FieldErrorf(domain.EINVALID, "around", "around may be given once")
		}
		f.Around = strings.TrimSpace(vs[0])
		if f.Around == "" {
			return f, domain.FieldErrorf(domain.EINVALID, "around", "around needs a node ID")
		}
	}
	var err error
	if f.Depth, err = intParam(q, "depth", 1, MaxDepth); err != nil {
		return f, err
	}
	if f.Limit, err = intParam(q, "limit", 1, MaxLimit); err != nil {
		return f, err
	}
	return f, f.Validate()
}

// intParam reads the whole number of parameter key, between lo and hi; 0 when absent.
func intParam(q url.Values, key string, lo, hi int) (int, error) {
	vs := q[key]
	if len(vs) == 0 {
		return 0, nil
	}
	if len(vs) > 1 {
		return 0, domain.FieldErrorf(domain.EINVALID, key, "%s may be given once", key)
	}
	n, err := strconv.Atoi(strings.TrimSpace(vs[0]))
	if err != nil || n < lo || n > hi {
		return 0, domain.FieldErrorf(domain.EINVALID, key, "%s must be a whole number from %d to %d, got %q", key, lo, hi, vs[0])
	}
	return n, nil
}

// splitList splits comma-separated values and drops empty items.
func splitList(vs []string) []string {
	var out []string
	for _, v := range vs {
		for _, item := range strings.Split(v, ",") {
			if item = strings.TrimSpace(item); item != "" {
				out = append(out, item)
			}
		}
	}
	return out
}

// formatNames returns "graphml|gexf|csv|json|cypher".
func formatNames() string {
	names := make([]string, len(formats))
	for i, f := range formats {
		names[i] = f.Name
	}
	return strings.Join(names, "|")
}

// writeDomainError writes err with the HTTP status of its code. Errors without
// a code are internal: they are logged, and the client sees a generic message.
func writeDomainError(w http.ResponseWriter, r *http.Request, err error) {
	code := domain.ErrorCode(err)
	status := http.StatusInternalServerError
	switch code {
	case domain.EINVALID:
		status = http.StatusBadRequest
	case domain.ENOTFOUND:
		status = http.StatusNotFound
	case domain.EUNAUTHORIZED:
		status = http.StatusUnauthorized
	case domain.EFORBIDDEN:
		status = http.StatusForbidden
	default:
		slog.ErrorContext(r.Context(), "export failed", "error", err)
	}
	writeError(w, status, code, domain.ErrorMessage(err), domain.ErrorField(err))
}

// errorBody is the GraphQL-shaped error response.
type errorBody struct {
	Errors []errorItem `json:"errors"`
}

type errorItem struct {
	Message    string         `json:"message"`
	Extensions errorExtension `json:"extensions"`
}

type errorExtension struct {
	Code  string `json:"code"`
	Field string `json:"field,omitempty"`
}

// writeError writes a coded JSON error.
func writeError(w http.ResponseWriter, status int, code, message, field string) {
	h := w.Header()
	h.Set("Content-Type", "application/json")
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(errorBody{Errors: []errorItem{{Message: message, Extensions: errorExtension{Code: code, Field: field}}}})
}
