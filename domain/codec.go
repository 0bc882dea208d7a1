package domain

import (
	"encoding/json"
	"fmt"
)

// The JSON form of a record: the audit trail's Before and After, the durable
// store's values, and deep copies. It is {"kind": <Kind>, "node": <the record as
// encoding/json writes the Go type>}, so it can be decoded without knowing the
// kind in advance.

// nodeEnvelope is a record with its kind, to know which type to decode.
type nodeEnvelope struct {
	Kind Kind            `json:"kind"`
	Node json.RawMessage `json:"node"`
}

// EncodeNode encodes a record with its kind.
func EncodeNode(n Node) ([]byte, error) {
	body, err := json.Marshal(n)
	if err != nil {
		return nil, fmt.Errorf("encoding %s: %w", n.NodeID(), err)
	}
	return json.Marshal(nodeEnvelope{Kind: n.NodeKind(), Node: body})
}

// DecodeNode decodes what EncodeNode encoded.
func DecodeNode(data []byte) (Node, error) {
	var env nodeEnvelope
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

// CloneNode returns a deep copy of a record of this package.
func CloneNode(n Node) (Node, error) {
	data, err := EncodeNode(n)
	if err != nil {
		return nil, err
	}
	return DecodeNode(data)
}
