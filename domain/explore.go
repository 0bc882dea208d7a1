package domain

import (
	"context"
	"slices"
	"strings"
)

// Exploration: the traversals behind visualisations and research questions ("how is
// Ambassador Yao Jing connected to the IT pillar", "what changed since the last
// JCC"). The Explorer port is separate from Store so that each adapter can grow
// into it; the query types normalise and validate themselves here, so every adapter
// applies the same defaults, limits and error codes.

// Derived relationship types. They exist only in paths (Explorer.Paths), where a
// link counts as users see it: one hop however it is stored. They are never stored,
// never listed in RelTypes, and Neighborhood rejects them. The traversal engine
// (internal/traverse, PathEdges) derives them from the roles and commitments.
const (
	// RelHoldsRoleAt collapses Person-HOLDS->Role-AT->Organization into one hop
	// (Person)->(Organization); label = the role's title, evidence = the role's.
	RelHoldsRoleAt RelType = "HOLDS_ROLE_AT"
	// RelCommittedTo collapses Actor-MADE->Commitment-MADE_TO->Actor into one hop
	// (maker)->(addressee); label = the statement, evidence = the commitment's.
	RelCommittedTo RelType = "COMMITTED_TO"
	// RelCommittedWith links two makers of one commitment, (earlier listed
	// maker)->(later listed maker); label = the statement, evidence = the commitment's.
	RelCommittedWith RelType = "COMMITTED_WITH"
)

// PathRelTypes lists the derived, path-only relationship types.
var PathRelTypes = []RelType{RelHoldsRoleAt, RelCommittedTo, RelCommittedWith}

// PathOnly reports whether t is a derived type that exists only in paths.
func (t RelType) PathOnly() bool { return slices.Contains(PathRelTypes, t) }

// collapses lists, for each path-only type, the stored types it stands for.
var collapses = map[RelType][]RelType{
	RelHoldsRoleAt:   {RelHolds, RelAt},
	RelCommittedTo:   {RelMade, RelMadeTo},
	RelCommittedWith: {RelMade},
}

// Limits and defaults of exploration queries. Values beyond a maximum are EINVALID
// errors, never silently capped.
const (
	DefaultPathMaxHops       = 4
	MaxPathMaxHops           = 6
	DefaultPathFirst         = 5
	MaxPathFirst             = 20
	DefaultNeighborhoodDepth = 1
	MaxNeighborhoodDepth     = 3
	DefaultNeighborhoodLimit = 200
	MaxNeighborhoodLimit     = 2000
	DefaultTimelineFirst     = 200
	MaxTimelineFirst         = 1000
)

// ErrSearchTooBroad returns the EINVALID error of a path search that would exceed
// its work bound.
func ErrSearchTooBroad() *Error {
	return Errorf(EINVALID, "search too broad: narrow maxHops, via or avoid")
}

// PathQuery asks for the ways two nodes are connected.
//
// Hops count links as users see them: Person–Organization through a Role is one
// HOLDS_ROLE_AT hop, Actor–Actor through a Commitment one COMMITTED_TO or
// COMMITTED_WITH hop, a participation one PARTICIPATED_IN hop. A path therefore
// never passes through a Role from its person to its organization, nor through a
// Commitment from one of its makers to another maker or to an addressee (the
// derived hop says the same thing shorter); commitments stay nodes of their own
// otherwise (Actor-MADE->Commitment-CONCERNS->Pillar is two hops). Two addressees of
// one commitment are two hops apart, through the commitment.
//
// Paths are simple (no node twice) and distinct by their sequence of nodes. When
// several edges link two consecutive nodes (two commitments between the same
// countries), a path shows one: the first that completes it in the order of
// RelTypes then PathRelTypes, then by the ID of the record defining the edge, then
// its position among that record's edges. Neighborhood lists them all.
type PathQuery struct {
	From string
	To   string
	// MaxHops bounds the length of paths: 0 means DefaultPathMaxHops; at most MaxPathMaxHops.
	MaxHops int
	// Via restricts paths to these relationship types (stored or path-only). A
	// path-only type is also allowed when every stored type it collapses is listed
	// (HOLDS and AT allow HOLDS_ROLE_AT; MADE and MADE_TO allow COMMITTED_TO; MADE
	// allows COMMITTED_WITH). Empty means every type.
	Via []RelType
	// Avoid lists nodes no path may visit; a derived hop through an avoided role or
	// commitment is avoided too. From and To cannot be avoided.
	Avoid []string
	// ThroughHubs lets paths pass through Country, Programme and Pillar nodes. By
	// default they may only start or end there: every actor is a national of a
	// country, so paths through countries connect everyone and say little.
	ThroughHubs bool
	// First is the number of paths wanted: 0 means DefaultPathFirst; at most MaxPathFirst.
	First int
}

// Normalize returns the query with defaults applied, or an EINVALID error naming
// the offending field.
func (q PathQuery) Normalize() (PathQuery, error) {
	if q.From == "" {
		return q, FieldErrorf(EINVALID, "from", "from is required")
	}
	if q.To == "" {
		return q, FieldErrorf(EINVALID, "to", "to is required")
	}
	if q.MaxHops == 0 {
		q.MaxHops = DefaultPathMaxHops
	}
	if q.MaxHops < 1 || q.MaxHops > MaxPathMaxHops {
		return q, FieldErrorf(EINVALID, "maxHops", "maxHops must be between 1 and %d, got %d", MaxPathMaxHops, q.MaxHops)
	}
	if q.First == 0 {
		q.First = DefaultPathFirst
	}
	if q.First < 1 || q.First > MaxPathFirst {
		return q, FieldErrorf(EINVALID, "first", "first must be between 1 and %d, got %d", MaxPathFirst, q.First)
	}
	for _, t := range q.Via {
		if !Valid(t, RelTypes) && !t.PathOnly() {
			return q, FieldErrorf(EINVALID, "via", "unknown relationship type %q", t)
		}
	}
	for _, id := range q.Avoid {
		if id == q.From || id == q.To {
			return q, FieldErrorf(EINVALID, "avoid", "cannot avoid %q: it is an end of the path", id)
		}
	}
	return q, nil
}

// Allows reports whether paths of the query may use a hop of type t (see Via).
func (q PathQuery) Allows(t RelType) bool {
	if len(q.Via) == 0 || slices.Contains(q.Via, t) {
		return true
	}
	parts, ok := collapses[t]
	if !ok {
		return false
	}
	for _, p := range parts {
		if !slices.Contains(q.Via, p) {
			return false
		}
	}
	return true
}

// PathEdge is one hop of a path: the edge, and whether it was traversed from its
// From end to its To end (Forward) or against its direction.
type PathEdge struct {
	Edge
	Forward bool
}

// Path is a simple path: Nodes[0] is the start, Nodes[len-1] the end, Edges[i]
// links Nodes[i] and Nodes[i+1], and Length = len(Edges).
type Path struct {
	Nodes  []Node
	Edges  []PathEdge
	Length int
}

// String renders the path as "a -TYPE-> b <-TYPE- c", for messages and logs.
func (p Path) String() string {
	var b strings.Builder
	for i, n := range p.Nodes {
		if i > 0 {
			e := p.Edges[i-1]
			if e.Forward {
				b.WriteString(" -" + string(e.Type) + "-> ")
			} else {
				b.WriteString(" <-" + string(e.Type) + "- ")
			}
		}
		b.WriteString(n.NodeID())
	}
	return b.String()
}

// NeighborhoodQuery asks for the subgraph around a node.
type NeighborhoodQuery struct {
	// ID is the centre node.
	ID string
	// Depth is the number of hops from the centre: 0 means DefaultNeighborhoodDepth;
	// at most MaxNeighborhoodDepth.
	Depth int
	// Kinds keeps only nodes of these kinds (the centre is always kept); nodes of
	// other kinds are neither returned nor traversed. Empty means every kind.
	Kinds []Kind
	// RelTypes keeps only edges of these stored types (both for traversal and in
	// the result). Empty means every type; path-only types are EINVALID.
	RelTypes []RelType
	// Limit bounds the number of nodes returned, the centre included: 0 means
	// DefaultNeighborhoodLimit; at most MaxNeighborhoodLimit.
	Limit int
}

// Normalize returns the query with defaults applied, or an EINVALID error naming
// the offending field.
func (q NeighborhoodQuery) Normalize() (NeighborhoodQuery, error) {
	if q.ID == "" {
		return q, FieldErrorf(EINVALID, "id", "id is required")
	}
	if q.Depth == 0 {
		q.Depth = DefaultNeighborhoodDepth
	}
	if q.Depth < 1 || q.Depth > MaxNeighborhoodDepth {
		return q, FieldErrorf(EINVALID, "depth", "depth must be between 1 and %d, got %d", MaxNeighborhoodDepth, q.Depth)
	}
	if q.Limit == 0 {
		q.Limit = DefaultNeighborhoodLimit
	}
	if q.Limit < 1 || q.Limit > MaxNeighborhoodLimit {
		return q, FieldErrorf(EINVALID, "limit", "limit must be between 1 and %d, got %d", MaxNeighborhoodLimit, q.Limit)
	}
	for _, k := range q.Kinds {
		if !Valid(k, Kinds) {
			return q, FieldErrorf(EINVALID, "kinds", "unknown node kind %q", k)
		}
	}
	for _, t := range q.RelTypes {
		if t.PathOnly() {
			return q, FieldErrorf(EINVALID, "relTypes", "%s is a path-only relationship type", t)
		}
		if !Valid(t, RelTypes) {
			return q, FieldErrorf(EINVALID, "relTypes", "unknown relationship type %q", t)
		}
	}
	return q, nil
}

// Subgraph is a set of nodes and the edges between them. Every edge's ends are
// among Nodes. Truncated is set whenever a limit left nodes out.
type Subgraph struct {
	Nodes     []Node
	Edges     []Edge
	Truncated bool
}

// TimelineEventKind says what a timeline event is.
type TimelineEventKind string

// Timeline event kinds.
const (
	EventMeeting    TimelineEventKind = "MEETING"
	EventCommitment TimelineEventKind = "COMMITMENT"
	EventRoleStart  TimelineEventKind = "ROLE_START"
	EventRoleEnd    TimelineEventKind = "ROLE_END"
	EventFigure     TimelineEventKind = "FIGURE"
)

// TimelineEventKinds lists the event kinds in the order that breaks ties.
var TimelineEventKinds = []TimelineEventKind{EventMeeting, EventCommitment, EventRoleStart, EventRoleEnd, EventFigure}

// TimelineQuery selects timeline events. Pointer fields mean "not set"; set fields
// combine with AND.
type TimelineQuery struct {
	// ActorID keeps events involving the actor: meetings it organized, took part in
	// or whose body it is, commitments it made or received, figures it stated, the
	// roles a person held and the roles held at an organization.
	ActorID *string
	// Series keeps meetings of the series and commitments made at them.
	Series *string
	// From and To (ISO dates) keep events whose date may fall in the range
	// (PartialDate.Within); undated events are left out when either is set.
	From *string
	To   *string
	// First is the number of events wanted, the earliest in timeline order: 0
	// means DefaultTimelineFirst; at most MaxTimelineFirst.
	First int
}

// Normalize returns the query with defaults applied, or an EINVALID error naming
// the offending field (first, from or to).
func (q TimelineQuery) Normalize() (TimelineQuery, error) {
	if q.First == 0 {
		q.First = DefaultTimelineFirst
	}
	if q.First < 1 || q.First > MaxTimelineFirst {
		return q, FieldErrorf(EINVALID, "first", "first must be between 1 and %d, got %d", MaxTimelineFirst, q.First)
	}
	if _, _, err := q.Dates(); err != nil {
		return q, err
	}
	return q, nil
}

// Dates validates From and To and returns them ("" when not set).
func (q TimelineQuery) Dates() (from, to string, err error) {
	if q.From != nil {
		if from, err = ParseDate("from", *q.From); err != nil {
			return "", "", err
		}
	}
	if q.To != nil {
		if to, err = ParseDate("to", *q.To); err != nil {
			return "", "", err
		}
	}
	return from, to, nil
}

// TimelineEvent is one dated (or undated) event. An undated event keeps the
// source's relative date in Date.Text and is never placed at a guessed date.
type TimelineEvent struct {
	Date PartialDate
	Kind TimelineEventKind
	// Node is the meeting, commitment, role or figure the event comes from.
	Node Node
	// Label is a short display text.
	Label string
}

// CommitmentGroup is how CommitmentStats groups commitments.
type CommitmentGroup string

// Commitment groupings. A commitment counts once in every group it belongs to:
// concerning two pillars, it counts in both; made by two actors, under each.
const (
	// GroupPillar: each pillar the commitment concerns directly or through one of
	// the pillar's projects (as CommitmentFilter.PillarID matches).
	GroupPillar CommitmentGroup = "PILLAR"
	// GroupProgramme: each programme the commitment concerns directly or through
	// one of its pillars or projects (as CommitmentFilter.ProgrammeID matches).
	GroupProgramme CommitmentGroup = "PROGRAMME"
	// GroupMeeting: the meeting it was made at.
	GroupMeeting CommitmentGroup = "MEETING"
	// GroupSeries: the series of the meeting it was made at.
	GroupSeries CommitmentGroup = "SERIES"
	// GroupKind: its kind.
	GroupKind CommitmentGroup = "KIND"
	// GroupStatus: its status.
	GroupStatus CommitmentGroup = "STATUS"
	// GroupActor: each of its makers.
	GroupActor CommitmentGroup = "ACTOR"
	// GroupYear: the year of its date.
	GroupYear CommitmentGroup = "YEAR"
)

// CommitmentGroups lists the valid groupings.
var CommitmentGroups = []CommitmentGroup{GroupPillar, GroupProgramme, GroupMeeting, GroupSeries,
	GroupKind, GroupStatus, GroupActor, GroupYear}

// AmountSum totals the amounts of one currency over a group's commitments.
type AmountSum struct {
	Currency string
	// Min sums the values; Max sums the upper bounds of ranges (the value otherwise).
	Min, Max float64
	// Approximate is set when any summed amount is approximate; Ranged when any is a range.
	Approximate bool
	Ranged      bool
	// Count is the number of commitments with an amount in this currency.
	Count int
}

// StatGroup is one group of CommitmentStats.
type StatGroup struct {
	// Key is the group's node ID, enum value or year; "" groups the commitments
	// without one (no pillar, no meeting, undated…).
	Key string
	// Label is the node's label, the enum value or the year ("" for the "" key).
	Label string
	// Count is the number of matching commitments in the group.
	Count int
	// Amounts are the group's amounts by currency, in currency order.
	Amounts []AmountSum
}

// MaxStatGroups is the most groups CommitmentStats returns when asked for a
// number of them.
const MaxStatGroups = 10_000

// CheckStatsFirst returns the EINVALID error of a CommitmentStats first argument
// out of range: 0 (every group) or 1 to MaxStatGroups.
func CheckStatsFirst(first int) error {
	if first < 0 || first > MaxStatGroups {
		return FieldErrorf(EINVALID, "first", "first must be between 1 and %d, got %d", MaxStatGroups, first)
	}
	return nil
}

// CommitmentMatch pairs a commitment of an earlier meeting with one of a later
// meeting. Before is nil for a new commitment, After for a dropped one.
type CommitmentMatch struct {
	Before *Commitment
	After  *Commitment
}

// MeetingComparison says what changed between the commitments of meeting A and
// those of a later meeting B. Every commitment of B is in New or Reaffirmed (once);
// Dropped holds the commitments of A that no commitment of B reaffirms. A later
// commitment reaffirms an earlier one when it has the same kind, the same set of
// concerned nodes and at least one maker in common.
type MeetingComparison struct {
	A, B       *Meeting
	New        []CommitmentMatch
	Reaffirmed []CommitmentMatch
	Dropped    []CommitmentMatch
}

// Explorer answers traversals for visualisation and research. Every method is safe
// for concurrent use and returns results in a stable order.
//
// Errors: an unknown node ID is ENOTFOUND (naming the field); invalid arguments
// (limits exceeded, unknown enum values, a node of the wrong kind, bad dates, a
// path search beyond its work bound) are EINVALID; anything else is EINTERNAL.
type Explorer interface {
	// Paths returns up to First simple paths between From and To of at most
	// MaxHops hops (see PathQuery for how hops are counted): shortest first, then
	// ordered by the sequence of node IDs. No path is an empty list, not an error.
	Paths(ctx context.Context, q PathQuery) ([]Path, error)
	// Neighborhood returns the nodes within Depth hops of the centre (over the
	// stored edges, in both directions) ordered by distance then ID, and every edge
	// of an allowed type between two returned nodes, ordered by edge ID.
	Neighborhood(ctx context.Context, q NeighborhoodQuery) (*Subgraph, error)
	// Timeline returns the events selected by q in timeline order: by the first
	// day their date may stand for, then precision (DAY before MONTH before YEAR),
	// then node ID, then kind (in the order of TimelineEventKinds); undated events
	// come after every dated one (timeline.Compare, in internal/timeline).
	Timeline(ctx context.Context, q TimelineQuery) ([]TimelineEvent, error)
	// CommitmentStats groups the commitments matching f (as Store.Commitments
	// filters them) and returns non-empty groups ordered by count, largest first,
	// then key: the first `first` of them, every one when first is 0 (see
	// CheckStatsFirst). Both stores sum and order them with internal/stats.
	CommitmentStats(ctx context.Context, group CommitmentGroup, f CommitmentFilter, first int) ([]StatGroup, error)
	// CompareMeetings compares the commitments made at meeting a with those made
	// at meeting b (see MeetingComparison; both stores match them with
	// meetingdiff.Compare, in internal/meetingdiff).
	CompareMeetings(ctx context.Context, a, b string) (*MeetingComparison, error)
	// ChangesSincePrevious compares a meeting with the previous meeting of its
	// series (Related with TraverseMeetingPrevious); nil when it has none.
	ChangesSincePrevious(ctx context.Context, meetingID string) (*MeetingComparison, error)
}
