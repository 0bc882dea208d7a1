// Package timeline makes timeline events from records and orders them, for both
// stores: each store selects the records (meetings, commitments, roles,
// figures) and the dates, and both build the events, their labels and their
// order here (domain.Explorer.Timeline).
package timeline

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/corridor-kg/corridor/domain"
)

// EventOf returns the event of kind k that node n stands for: a meeting's
// title, a commitment's statement, "<person>, <title> at <organization>" for
// both ends of a role (person and organization are the labels of its ends), or
// "<metric>: <value> <unit>" for a figure. ok is false when n has no such event:
// a role has a ROLE_END only when its end is known or described (an unknown end
// is not an end), and a kind that does not match the node's has none.
func EventOf(k domain.TimelineEventKind, n domain.Node, person, organization string) (domain.TimelineEvent, bool) {
	switch n := n.(type) {
	case *domain.Meeting:
		return domain.TimelineEvent{Date: n.Date, Kind: k, Node: n, Label: n.Title}, k == domain.EventMeeting
	case *domain.Commitment:
		return domain.TimelineEvent{Date: n.Date, Kind: k, Node: n, Label: n.Statement}, k == domain.EventCommitment
	case *domain.Role:
		label := fmt.Sprintf("%s, %s at %s", person, n.Title, organization)
		switch k {
		case domain.EventRoleStart:
			return domain.TimelineEvent{Date: n.From, Kind: k, Node: n, Label: label}, true
		case domain.EventRoleEnd:
			return domain.TimelineEvent{Date: n.To, Kind: k, Node: n, Label: label}, n.To.Known() || n.To.Text != ""
		}
	case *domain.Figure:
		label := fmt.Sprintf("%s: %s %s", n.Metric, strconv.FormatFloat(n.Value, 'f', -1, 64), n.Unit)
		return domain.TimelineEvent{Date: n.AsOf, Kind: k, Node: n, Label: label}, k == domain.EventFigure
	}
	return domain.TimelineEvent{}, false
}

// First orders events by Compare and keeps the first n (an empty list, never
// nil, when there are none).
func First(evs []domain.TimelineEvent, n int) []domain.TimelineEvent {
	slices.SortFunc(evs, Compare)
	if len(evs) > n {
		evs = evs[:n]
	}
	if evs == nil {
		evs = []domain.TimelineEvent{}
	}
	return evs
}

// precisionRank orders precisions finest first.
func precisionRank(p domain.Precision) int {
	switch p {
	case domain.PrecisionDay:
		return 0
	case domain.PrecisionMonth:
		return 1
	case domain.PrecisionYear:
		return 2
	}
	return 3
}

// Compare orders events in timeline order: by the first day their date may
// stand for, then precision (DAY before MONTH before YEAR), then node ID, then
// kind (in the order of domain.TimelineEventKinds); undated events come after
// every dated one.
func Compare(a, b domain.TimelineEvent) int {
	if a.Date.Known() != b.Date.Known() {
		if a.Date.Known() {
			return -1
		}
		return 1
	}
	return cmp.Or(strings.Compare(a.Date.Start(), b.Date.Start()),
		cmp.Compare(precisionRank(a.Date.Precision()), precisionRank(b.Date.Precision())),
		strings.Compare(a.Node.NodeID(), b.Node.NodeID()),
		cmp.Compare(slices.Index(domain.TimelineEventKinds, a.Kind), slices.Index(domain.TimelineEventKinds, b.Kind)))
}
