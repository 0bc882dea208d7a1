// Package model holds the GraphQL layer's own types: the models gqlgen generates
// for connections, inputs and payloads (models_gen.go), and the marshalling of the
// Date scalar and of every enum onto the domain's types. Node types are bound to
// the domain package directly (see gqlgen.yml).
package model

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/99designs/gqlgen/graphql"

	"github.com/corridor-kg/corridor/domain"
)

// InputPath returns the path of the argument or input field being unmarshalled,
// e.g. "filter.from" or "filter.kind[1]", from the path context gqlgen keeps while
// it reads a field's arguments ("" outside argument parsing).
func InputPath(ctx context.Context) string {
	pc := graphql.GetPathContext(ctx)
	if pc == nil {
		return ""
	}
	var parts []string
	for it := pc; it != nil && it.ParentField == pc.ParentField; it = it.Parent {
		switch {
		case it.Index != nil:
			parts = append(parts, "["+strconv.Itoa(*it.Index)+"]")
		case it.Field != nil:
			parts = append(parts, "."+*it.Field)
		}
	}
	var b strings.Builder
	for i := len(parts) - 1; i >= 0; i-- {
		b.WriteString(parts[i])
	}
	return strings.TrimPrefix(b.String(), ".")
}

// MarshalDate writes an ISO "YYYY-MM-DD" date.
func MarshalDate(s string) graphql.ContextMarshaler {
	return graphql.ContextWriterFunc(func(_ context.Context, w io.Writer) error {
		_, err := io.WriteString(w, strconv.Quote(s))
		return err
	})
}

// UnmarshalDate reads a Date argument; anything but a real ISO "YYYY-MM-DD" date is
// a BAD_USER_INPUT error naming the argument.
func UnmarshalDate(ctx context.Context, v any) (string, error) {
	field := InputPath(ctx)
	s, ok := v.(string)
	if !ok {
		return "", domain.FieldErrorf(domain.EINVALID, field, "a Date must be a string in YYYY-MM-DD form")
	}
	return domain.ParseDate(field, s)
}

// marshalEnum writes an enum value as a GraphQL enum (a JSON string).
func marshalEnum[T ~string](v T) graphql.ContextMarshaler {
	return graphql.ContextWriterFunc(func(_ context.Context, w io.Writer) error {
		_, err := io.WriteString(w, strconv.Quote(string(v)))
		return err
	})
}

// unmarshalEnum reads an enum value, accepting only the exact names in allowed
// (GraphQL enum values are case-sensitive); anything else is a BAD_USER_INPUT error
// naming the argument.
func unmarshalEnum[T ~string](ctx context.Context, v any, enum string, allowed []T) (T, error) {
	s, ok := v.(string)
	if ok {
		for _, a := range allowed {
			if string(a) == s {
				return a, nil
			}
		}
	}
	names := make([]string, len(allowed))
	for i, a := range allowed {
		names[i] = string(a)
	}
	return "", domain.FieldErrorf(domain.EINVALID, InputPath(ctx), "%s is not a valid %s; expected one of %s",
		fmt.Sprint(v), enum, strings.Join(names, ", "))
}

// Precisions lists the values of the DatePrecision enum.
var Precisions = []domain.Precision{domain.PrecisionDay, domain.PrecisionMonth, domain.PrecisionYear, domain.PrecisionUnknown}

// Order directions and the order fields of each connection, as in domain.Order.
var (
	OrderDirections       = []string{"ASC", "DESC"}
	ActorOrderFields      = []string{"NAME", "KIND"}
	MeetingOrderFields    = []string{"DATE", "TITLE", "SEQUENCE"}
	CommitmentOrderFields = []string{"DATE", "KIND", "STATUS", "STATEMENT"}
	ProjectOrderFields    = []string{"NAME", "STATUS"}
	SourceOrderFields     = []string{"PUBLISHED", "TITLE"}
)

// MarshalNodeKind writes a NodeKind.
func MarshalNodeKind(v domain.Kind) graphql.ContextMarshaler { return marshalEnum(v) }

// UnmarshalNodeKind reads a NodeKind.
func UnmarshalNodeKind(ctx context.Context, v any) (domain.Kind, error) {
	return unmarshalEnum(ctx, v, "NodeKind", domain.Kinds)
}

// MarshalAttribution writes an Attribution.
func MarshalAttribution(v domain.Attribution) graphql.ContextMarshaler { return marshalEnum(v) }

// UnmarshalAttribution reads an Attribution.
func UnmarshalAttribution(ctx context.Context, v any) (domain.Attribution, error) {
	return unmarshalEnum(ctx, v, "Attribution", domain.Attributions)
}

// MarshalDatePrecision writes a DatePrecision.
func MarshalDatePrecision(v domain.Precision) graphql.ContextMarshaler { return marshalEnum(v) }

// UnmarshalDatePrecision reads a DatePrecision.
func UnmarshalDatePrecision(ctx context.Context, v any) (domain.Precision, error) {
	return unmarshalEnum(ctx, v, "DatePrecision", Precisions)
}

// MarshalOrganizationType writes an OrganizationType.
func MarshalOrganizationType(v domain.OrgType) graphql.ContextMarshaler { return marshalEnum(v) }

// UnmarshalOrganizationType reads an OrganizationType.
func UnmarshalOrganizationType(ctx context.Context, v any) (domain.OrgType, error) {
	return unmarshalEnum(ctx, v, "OrganizationType", domain.OrgTypes)
}

// MarshalMeetingFormat writes a MeetingFormat.
func MarshalMeetingFormat(v domain.MeetingFormat) graphql.ContextMarshaler { return marshalEnum(v) }

// UnmarshalMeetingFormat reads a MeetingFormat.
func UnmarshalMeetingFormat(ctx context.Context, v any) (domain.MeetingFormat, error) {
	return unmarshalEnum(ctx, v, "MeetingFormat", domain.MeetingFormats)
}

// MarshalCommitmentKind writes a CommitmentKind.
func MarshalCommitmentKind(v domain.CommitmentKind) graphql.ContextMarshaler { return marshalEnum(v) }

// UnmarshalCommitmentKind reads a CommitmentKind.
func UnmarshalCommitmentKind(ctx context.Context, v any) (domain.CommitmentKind, error) {
	return unmarshalEnum(ctx, v, "CommitmentKind", domain.CommitmentKinds)
}

// MarshalCommitmentStatus writes a CommitmentStatus.
func MarshalCommitmentStatus(v domain.CommitmentStatus) graphql.ContextMarshaler {
	return marshalEnum(v)
}

// UnmarshalCommitmentStatus reads a CommitmentStatus.
func UnmarshalCommitmentStatus(ctx context.Context, v any) (domain.CommitmentStatus, error) {
	return unmarshalEnum(ctx, v, "CommitmentStatus", domain.CommitmentStatuses)
}

// MarshalProjectStatus writes a ProjectStatus.
func MarshalProjectStatus(v domain.ProjectStatus) graphql.ContextMarshaler { return marshalEnum(v) }

// UnmarshalProjectStatus reads a ProjectStatus.
func UnmarshalProjectStatus(ctx context.Context, v any) (domain.ProjectStatus, error) {
	return unmarshalEnum(ctx, v, "ProjectStatus", domain.ProjectStatuses)
}

// MarshalOrderDirection writes an OrderDirection.
func MarshalOrderDirection(v string) graphql.ContextMarshaler { return marshalEnum(v) }

// UnmarshalOrderDirection reads an OrderDirection.
func UnmarshalOrderDirection(ctx context.Context, v any) (string, error) {
	return unmarshalEnum(ctx, v, "OrderDirection", OrderDirections)
}

// MarshalActorOrderField writes an ActorOrderField.
func MarshalActorOrderField(v string) graphql.ContextMarshaler { return marshalEnum(v) }

// UnmarshalActorOrderField reads an ActorOrderField.
func UnmarshalActorOrderField(ctx context.Context, v any) (string, error) {
	return unmarshalEnum(ctx, v, "ActorOrderField", ActorOrderFields)
}

// MarshalMeetingOrderField writes a MeetingOrderField.
func MarshalMeetingOrderField(v string) graphql.ContextMarshaler { return marshalEnum(v) }

// UnmarshalMeetingOrderField reads a MeetingOrderField.
func UnmarshalMeetingOrderField(ctx context.Context, v any) (string, error) {
	return unmarshalEnum(ctx, v, "MeetingOrderField", MeetingOrderFields)
}

// MarshalCommitmentOrderField writes a CommitmentOrderField.
func MarshalCommitmentOrderField(v string) graphql.ContextMarshaler { return marshalEnum(v) }

// UnmarshalCommitmentOrderField reads a CommitmentOrderField.
func UnmarshalCommitmentOrderField(ctx context.Context, v any) (string, error) {
	return unmarshalEnum(ctx, v, "CommitmentOrderField", CommitmentOrderFields)
}

// MarshalProjectOrderField writes a ProjectOrderField.
func MarshalProjectOrderField(v string) graphql.ContextMarshaler { return marshalEnum(v) }

// UnmarshalProjectOrderField reads a ProjectOrderField.
func UnmarshalProjectOrderField(ctx context.Context, v any) (string, error) {
	return unmarshalEnum(ctx, v, "ProjectOrderField", ProjectOrderFields)
}

// MarshalSourceOrderField writes a SourceOrderField.
func MarshalSourceOrderField(v string) graphql.ContextMarshaler { return marshalEnum(v) }

// UnmarshalSourceOrderField reads a SourceOrderField.
func UnmarshalSourceOrderField(ctx context.Context, v any) (string, error) {
	return unmarshalEnum(ctx, v, "SourceOrderField", SourceOrderFields)
}

// RelationTypes lists the values of the RelationType enum: the stored relationship
// types, then the derived, path-only ones.
var RelationTypes = append(append([]domain.RelType(nil), domain.RelTypes...), domain.PathRelTypes...)

// MarshalRelationType writes a RelationType.
func MarshalRelationType(v domain.RelType) graphql.ContextMarshaler { return marshalEnum(v) }

// UnmarshalRelationType reads a RelationType.
func UnmarshalRelationType(ctx context.Context, v any) (domain.RelType, error) {
	return unmarshalEnum(ctx, v, "RelationType", RelationTypes)
}

// MarshalTimelineEventKind writes a TimelineEventKind.
func MarshalTimelineEventKind(v domain.TimelineEventKind) graphql.ContextMarshaler {
	return marshalEnum(v)
}

// UnmarshalTimelineEventKind reads a TimelineEventKind.
func UnmarshalTimelineEventKind(ctx context.Context, v any) (domain.TimelineEventKind, error) {
	return unmarshalEnum(ctx, v, "TimelineEventKind", domain.TimelineEventKinds)
}

// MarshalCommitmentGroup writes a CommitmentGroup.
func MarshalCommitmentGroup(v domain.CommitmentGroup) graphql.ContextMarshaler { return marshalEnum(v) }

// UnmarshalCommitmentGroup reads a CommitmentGroup.
func UnmarshalCommitmentGroup(ctx context.Context, v any) (domain.CommitmentGroup, error) {
	return unmarshalEnum(ctx, v, "CommitmentGroup", domain.CommitmentGroups)
}
