package httpapi

import (
	"context"
	"net/http"
	"strings"

	"github.com/corridor-kg/corridor/domain"
)

// Authenticator returns the principal whose API key is token, if any.
type Authenticator func(token string) (domain.Principal, bool)

// identity is who a request comes from, resolved once per request.
type identity struct {
	// client names the rate-limit bucket and the log's client: "key:<name>" for a
	// valid API key, else "ip:<address>". Never the key itself.
	client string
	// principal is set when the request sent a valid key.
	principal *domain.Principal
	// sentKey is set when the request had an Authorization header.
	sentKey bool
}

type identityKey struct{}

func identityFrom(ctx context.Context) identity {
	id, _ := ctx.Value(identityKey{}).(identity)
	return id
}

// bearer returns the token of an "Authorization: Bearer <token>" header, and
// whether the request had an Authorization header at all.
func bearer(r *http.Request) (token string, sent bool) {
	h := r.Header.Get("Authorization")
	if h == "" {
		return "", false
	}
	scheme, token, _ := strings.Cut(h, " ")
	if !strings.EqualFold(scheme, "Bearer") {
		return "", true
	}
	return strings.TrimSpace(token), true
}

// withIdentity resolves the request's API key and client once: a valid key puts
// its principal in the context (domain.PrincipalFrom) and makes the key's name the
// client; anything else makes the client the IP.
func withIdentity(auth Authenticator, clients clientResolver, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id := identity{}
		token, sent := bearer(r)
		id.sentKey = sent
		if sent && token != "" && auth != nil {
			if p, ok := auth(token); ok {
				id.principal = &p
				id.client = "key:" + p.Name
			}
		}
		if id.client == "" {
			id.client = "ip:" + clients.ip(r)
		}
		ctx := context.WithValue(r.Context(), identityKey{}, id)
		if id.principal != nil {
			ctx = domain.WithPrincipal(ctx, *id.principal)
		}
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// withAuthGate answers 401 UNAUTHENTICATED to a request that sent an invalid key
// (always) or no key (when reads require one). What a valid key may do is decided
// below, by domain.RequireRole in each write.
func withAuthGate(requireKey bool, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id := identityFrom(r.Context())
		switch {
		case id.principal != nil:
		case id.sentKey:
			w.Header().Set("WWW-Authenticate", `Bearer error="invalid_token"`)
			writeError(w, http.StatusUnauthorized, domain.EUNAUTHORIZED, "the API key is not valid: send Authorization: Bearer <key> with a configured key")
			return
		case requireKey && r.Method != http.MethodOptions:
			w.Header().Set("WWW-Authenticate", "Bearer")
			writeError(w, http.StatusUnauthorized, domain.EUNAUTHORIZED, "this server requires an API key for every request: send Authorization: Bearer <key>")
			return
		}
		next.ServeHTTP(w, r)
	})
}

// withRole lets through only requests whose key has at least the role need: no
// key or an invalid one is 401 UNAUTHENTICATED, a key of a lower role 403
// FORBIDDEN.
func withRole(need domain.AccessRole, next http.Handler) http.Handler {
	return withAuthGate(true, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := domain.RequireRole(r.Context(), need); err != nil {
			writeError(w, http.StatusForbidden, domain.ErrorCode(err), domain.ErrorMessage(err))
			return
		}
		next.ServeHTTP(w, r)
	}))
}
