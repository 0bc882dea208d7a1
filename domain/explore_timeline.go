package domain

import (
	"fmt"
	"slices"
	"strconv"
)

// Timeline events from records, shared by the stores: each store selects the
// records (meetings, commitments, roles, figures) and the dates, and both build
// the events, their labels and their order here.

// TimelineEventOf returns the event of kind k that node n stands for: a meeting's
// title, a commitment's statement, "<person>, <title> at <organization>" for
// both ends of a role (person and organization are the labels of its ends), or
// "<metric>: <value> <unit>" for a figure. ok is false when n has no such event:
// a role has a ROLE_END only when its end is known or described (an unknown end
// is not an end), and a kind that does not match the node's has none.
func TimelineEventOf(k TimelineEventKind, n Node, person, organization string) (TimelineEvent, bool) {
	switch n := n.(type) {
	case *Meeting:
		return TimelineEvent{Date: n.Date, Kind: k, Node: n, Label: n.Title}, k == EventMeeting
	case *Commitment:
		return TimelineEvent{Date: n.Date, Kind: k, Node: n, Label: n.Statement}, k == EventCommitment
	case *Role:
		label := fmt.Sprintf("%s, %s at %s", person, n.Title, organization)
		switch k {
		case EventRoleStart:
			return TimelineEvent{Date: n.From, Kind: k, Node: n, Label: label}, true
		case EventRoleEnd:
			return TimelineEvent{Date: n.To, Kind: k, Node: n, Label: label}, n.To.Known() || n.To.Text != ""
		}
	case *Figure:
		label := fmt.Sprintf("%s: %s %s", n.Metric, strconv.FormatFloat(n.Value, 'f', -1, 64), n.Unit)
		return TimelineEvent{Date: n.AsOf, Kind: k, Node: n, Label: label}, k == EventFigure
	}
	return TimelineEvent{}, false
}

// FirstEvents orders events by CompareTimelineEvents and keeps the first n (an
// empty list, never nil, when there are none).
func FirstEvents(evs []TimelineEvent, n int) []TimelineEvent {
	slices.SortFunc(evs, CompareTimelineEvents)
	if len(evs) > n {
		evs = evs[:n]
	}
	if evs == nil {
		evs = []TimelineEvent{}
	}
	return evs
}
