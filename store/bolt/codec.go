package bolt

import (
	"github.com/corridor-kg/corridor/domain"
	"github.com/corridor-kg/corridor/internal/nodejson"
)

// The stored form of a record is nodejson.Encode's: its kind and the record
// as encoding/json writes the domain type.

// MarshalNode encodes a node as the JSON stored for it (nodejson.Encode).
func MarshalNode(n domain.Node) ([]byte, error) { return nodejson.Encode(n) }

// UnmarshalNode decodes what MarshalNode encoded (nodejson.Decode).
func UnmarshalNode(data []byte) (domain.Node, error) { return nodejson.Decode(data) }
