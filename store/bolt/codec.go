package bolt

import (
	"encoding/json"
	"fmt"

	"github.com/corridor-kg/corridor/domain"
)

// envelope is a stored record: its kind, to know which type to decode, and the
// record itself as encoding/json writes the domain type.
type envelope struct {
	Kind domain.Kind     `json:"kind"`
	Node json.RawMessage `json:"node"`
}

// MarshalNode encodes a node as the JSON stored for it.
func MarshalNode(n domain.Node) ([]byte, error) {
	body, err := json.Marshal(n)
	if err != nil {
		return nil, fmt.Errorf("encoding %s: %w", n.NodeID(), err)
	}
	return json.Marshal(envelope{Kind: n.NodeKind(), Node: body})
}

// UnmarshalNode decodes what MarshalNode encoded.
func UnmarshalNode(data []byte) (domain.Node, error) {
	var env envelope
	if err := json.Unmarshal(data, &env); err != nil {
		return nil, fmt.Errorf("decoding a record: %w", err)
	}
	n := NewNode(env.Kind)
	if n == nil {
		return nil, fmt.Errorf("decoding a record: unknown kind %q", env.Kind)
	}
	if err := json.Unmarshal(env.Node, n); err != nil {
		return nil, fmt.Errorf("decoding a %s record: %w", env.Kind, err)
	}
	return n, nil
}

// NewNode returns a new zero node of the kind, or nil for an unknown kind.
func NewNode(k domain.Kind) domain.Node {
	switch k {
	case domain.KindPerson:
		return &domain.Person{}
	case domain.KindOrganization:
		return &domain.Organization{}
	case domain.KindCountry:
		return &domain.Country{}
	case domain.KindRole:
		return &domain.Role{}
	case domain.KindMeeting:
		return &domain.Meeting{}
	case domain.KindCommitment:
		return &domain.Commitment{}
	case domain.KindProject:
		return &domain.Project{}
	case domain.KindProgramme:
		return &domain.Programme{}
	case domain.KindPillar:
		return &domain.Pillar{}
	case domain.KindFigure:
		return &domain.Figure{}
	case domain.KindSource:
		return &domain.Source{}
	}
	return nil
}
