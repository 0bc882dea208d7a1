// Package nodejson is the JSON form of a record: the audit trail's Before and
// After, the durable store's values, and deep copies. It is {"kind": <Kind>,
// "node": <the record as encoding/json writes the Go type>}, so it can be
// decoded without knowing the kind in advance.
package nodejson

import (
	"encoding/json"
	"fmt"

	"github.com/corridor-kg/corridor/domain"
)

// nodeEnvelope is a record with its kind, to know which type to decode.
type nodeEnvelope struct {
	Kind domain.Kind     `json:"kind"`
	Node json.RawMessage `json:"node"`
}

// Encode encodes a record with its kind.
func Encode(n domain.Node) ([]byte, error) {
	body, err := json.Marshal(n)
	if err != nil {
		return nil, fmt.Errorf("encoding %s: %w", n.NodeID(), err)
	}
	return json.Marshal(nodeEnvelope{Kind: n.NodeKind(), Node: body})
}

// Decode decodes what Encode encoded.
func Decode(data []byte) (domain.Node, error) {
	var env nodeEnvelope
	if err := json.Unmarshal(data, &env); err != nil {
		return nil, fmt.Errorf("decoding a record: %w", err)
	}
	n := domain.NewNode(env.Kind)
	if n == nil {
		return nil, fmt.Errorf("decoding a record: unknown kind %q", env.Kind)
	}
	if err := json.Unmarshal(env.Node, n); err != nil {
		return nil, fmt.Errorf("decoding a %s record: %w", env.Kind, err)
	}
	return n, nil
}

// Clone returns a deep copy of a record of package domain.
func Clone(n domain.Node) (domain.Node, error) {
	data, err := Encode(n)
	if err != nil {
		return nil, err
	}
	return Decode(data)
}
