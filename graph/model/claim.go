package model

import "github.com/corridor-kg/corridor/domain"

// Claim is one piece of evidence quoting a source, with the node it supports
// (the GraphQL type Claim, listed by Source.claims).
type Claim struct {
	// Node is the node whose evidence holds the quote.
	Node domain.Node
	// Quote is the verbatim excerpt.
	Quote string
	// Attribution says whose words the quote holds.
	Attribution domain.Attribution
	// SpeakerID is the actor who spoke ("" when not named); resolved by a loader.
	SpeakerID string
}

// ClaimsOf returns the claims of node that quote the source sourceID, in the order
// of domain.Claims.
func ClaimsOf(node domain.Node, sourceID string) []*Claim {
	var out []*Claim
	for _, ev := range domain.Claims(node) {
		if ev.SourceID == sourceID {
			out = append(out, &Claim{Node: node, Quote: ev.Quote, Attribution: ev.Attribution, SpeakerID: ev.SpeakerID})
		}
	}
	return out
}
