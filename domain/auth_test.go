package domain

import (
	"context"
	"testing"
)

func TestRequireRole(t *testing.T) {
	bg := context.Background()
	as := func(r AccessRole) context.Context { return WithPrincipal(bg, Principal{Name: "k", Role: r}) }
	cases := []struct {
		name string
		ctx  context.Context
		need AccessRole
		code string
	}{
		{"no key, reader needed", bg, RoleReader, EUNAUTHORIZED},
		{"no key, editor needed", bg, RoleEditor, EUNAUTHORIZED},
		{"reader reads", as(RoleReader), RoleReader, ""},
		{"reader writes", as(RoleReader), RoleEditor, EFORBIDDEN},
		{"reader imports", as(RoleReader), RoleAdmin, EFORBIDDEN},
		{"editor writes", as(RoleEditor), RoleEditor, ""},
		{"editor imports", as(RoleEditor), RoleAdmin, EFORBIDDEN},
		{"admin writes", as(RoleAdmin), RoleEditor, ""},
		{"admin imports", as(RoleAdmin), RoleAdmin, ""},
		{"unknown role", as("owner"), RoleReader, EFORBIDDEN},
		{"unknown need", as(RoleAdmin), "root", EFORBIDDEN},
	}
	for _, c := range cases {
		if got := ErrorCode(RequireRole(c.ctx, c.need)); got != c.code {
			t.Errorf("%s: code %q, want %q", c.name, got, c.code)
		}
	}
}

func TestPrincipalRoundTrip(t *testing.T) {
	if _, ok := PrincipalFrom(context.Background()); ok {
		t.Fatal("empty context has a principal")
	}
	p := Principal{Name: "curator", Role: RoleEditor}
	got, ok := PrincipalFrom(WithPrincipal(context.Background(), p))
	if !ok || got != p {
		t.Fatalf("PrincipalFrom = %+v, %v; want %+v", got, ok, p)
	}
}

func TestParseAccessRole(t *testing.T) {
	for _, r := range AccessRoles {
		if got, err := ParseAccessRole(string(r)); err != nil || got != r {
			t.Errorf("ParseAccessRole(%q) = %q, %v", r, got, err)
		}
	}
	for _, s := range []string{"", "Admin", "root", " reader"} {
		if _, err := ParseAccessRole(s); ErrorCode(err) != EINVALID {
			t.Errorf("ParseAccessRole(%q) error %v, want %s", s, err, EINVALID)
		}
	}
}
