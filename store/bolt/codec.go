package bolt

import "github.com/corridor-kg/corridor/domain"

// The stored form of a record is domain.EncodeNode's: its kind and the record
// as encoding/json writes the domain type.

// MarshalNode encodes a node as the JSON stored for it (domain.EncodeNode).
func MarshalNode(n domain.Node) ([]byte, error) { return domain.EncodeNode(n) }

// UnmarshalNode decodes what MarshalNode encoded (domain.DecodeNode).
func UnmarshalNode(data []byte) (domain.Node, error) { return domain.DecodeNode(data) }

// NewNode returns a new zero node of the kind, or nil for an unknown kind (domain.NewNode).
func NewNode(k domain.Kind) domain.Node { return domain.NewNode(k) }
