package domain

import (
	"context"
	"fmt"
)

// AccessRole is what an API key allows. Roles are ordered: an editor may do what a
// reader may, an admin what an editor may. (Not to be confused with Role, the node
// that says a person holds a title at an organization.)
type AccessRole string

// Access roles, from least to most allowed.
const (
	// RoleReader may read, even when reads require a key.
	RoleReader AccessRole = "reader"
	// RoleEditor may also curate: create, update, delete, link and merge records.
	RoleEditor AccessRole = "editor"
	// RoleAdmin may also import in bulk and read the audit log.
	RoleAdmin AccessRole = "admin"
)

// AccessRoles lists every role, least allowed first.
var AccessRoles = []AccessRole{RoleReader, RoleEditor, RoleAdmin}

// rank orders roles; an unknown role ranks below every known one.
func (r AccessRole) rank() int {
	for i, k := range AccessRoles {
		if k == r {
			return i + 1
		}
	}
	return 0
}

// Valid reports whether r is one of AccessRoles.
func (r AccessRole) Valid() bool { return r.rank() > 0 }

// Allows reports whether r may do what need requires.
func (r AccessRole) Allows(need AccessRole) bool {
	return r.Valid() && need.Valid() && r.rank() >= need.rank()
}

// ParseAccessRole parses "reader", "editor" or "admin"; anything else is EINVALID.
func ParseAccessRole(s string) (AccessRole, error) {
	if r := AccessRole(s); r.Valid() {
		return r, nil
	}
	return "", Errorf(EINVALID, "unknown role %q: want reader, editor or admin", s)
}

// Principal is who sends a request: the name of its API key and the key's role.
// The key itself is never part of it.
type Principal struct {
	// Name names the key's holder (for audit records and logs).
	Name string
	// Role is what the key allows.
	Role AccessRole
}

type principalKey struct{}

// WithPrincipal returns a context carrying p, for the layers below the HTTP server.
func WithPrincipal(ctx context.Context, p Principal) context.Context {
	return context.WithValue(ctx, principalKey{}, p)
}

// PrincipalFrom returns the principal of ctx, if the request sent a valid key.
func PrincipalFrom(ctx context.Context) (Principal, bool) {
	p, ok := ctx.Value(principalKey{}).(Principal)
	return p, ok
}

// RequireRole returns nil when ctx carries a principal whose role allows need;
// otherwise EUNAUTHORIZED when ctx carries no principal (no valid key was sent) and
// EFORBIDDEN when the principal's role is too low. Every write calls it first.
func RequireRole(ctx context.Context, need AccessRole) error {
	p, ok := PrincipalFrom(ctx)
	if !ok {
		return Errorf(EUNAUTHORIZED, "this operation needs an API key with the %s role: send Authorization: Bearer <key>", need)
	}
	if !p.Role.Allows(need) {
		return &Error{Code: EFORBIDDEN, Message: fmt.Sprintf("the key %q has the %s role; this operation needs %s", p.Name, p.Role, need)}
	}
	return nil
}
