package domain

import "context"

// Page sizes of every connection.
const (
	DefaultPageSize = 20
	MaxPageSize     = 100
)

// PageArgs asks for up to First items after the opaque cursor After ("" = from the start).
type PageArgs struct {
	First int
	After string
}

// Page is one page of a keyset-paginated list.
type Page[T any] struct {
	// Items holds the page's items in order, Cursors the cursor of each.
	Items           []T
	Cursors         []string
	HasNextPage     bool
	HasPreviousPage bool
	// TotalCount is the number of items matching the filter, on all pages.
	TotalCount int
}

// Traversal names a traversal from a node to related nodes, used to fetch the
// children of many parents in one store call.
type Traversal string

// Traversals a store answers in Related.
const (
	// TraversePersonRoles: Person → the Roles they hold.
	TraversePersonRoles Traversal = "PERSON_ROLES"
	// TraverseOrgRoles: Organization → the Roles held at it (its members).
	TraverseOrgRoles Traversal = "ORG_ROLES"
	// TraverseOrgChildren: Organization → the organizations whose parent it is.
	TraverseOrgChildren Traversal = "ORG_CHILDREN"
	// TraverseCountryActors: Country → the persons of its nationality and organizations in it.
	TraverseCountryActors Traversal = "COUNTRY_ACTORS"
	// TraverseCommitmentsMade: Actor → the Commitments it made.
	TraverseCommitmentsMade Traversal = "COMMITMENTS_MADE"
	// TraverseCommitmentsReceived: Actor → the Commitments made to it.
	TraverseCommitmentsReceived Traversal = "COMMITMENTS_RECEIVED"
	// TraverseActorMeetings: Actor → the Meetings it organized, took part in, or whose body it is.
	TraverseActorMeetings Traversal = "ACTOR_MEETINGS"
	// TraverseFiguresStated: Actor → the Figures it stated.
	TraverseFiguresStated Traversal = "FIGURES_STATED"
	// TraverseFiguresAbout: any node → the Figures whose subject it is.
	TraverseFiguresAbout Traversal = "FIGURES_ABOUT"
	// TraverseMeetingCommitments: Meeting → the Commitments made at it.
	TraverseMeetingCommitments Traversal = "MEETING_COMMITMENTS"
	// TraverseMeetingPrevious: Meeting → the previous meeting in its series (zero or one).
	TraverseMeetingPrevious Traversal = "MEETING_PREVIOUS"
	// TraverseMeetingNext: Meeting → the next meeting in its series (zero or one).
	TraverseMeetingNext Traversal = "MEETING_NEXT"
	// TraverseConcernedBy: Project, Pillar, Programme or Organization → the Commitments concerning it.
	TraverseConcernedBy Traversal = "CONCERNED_BY"
	// TraversePillarProjects: Pillar → its Projects.
	TraversePillarProjects Traversal = "PILLAR_PROJECTS"
	// TraverseProgrammeProjects: Programme → its Projects.
	TraverseProgrammeProjects Traversal = "PROGRAMME_PROJECTS"
	// TraverseProgrammePillars: Programme → its Pillars.
	TraverseProgrammePillars Traversal = "PROGRAMME_PILLARS"
	// TraverseProgrammeChildren: Programme → the programmes part of it.
	TraverseProgrammeChildren Traversal = "PROGRAMME_CHILDREN"
	// TraverseProjectsPartnered: Actor → the Projects it is a partner in.
	TraverseProjectsPartnered Traversal = "PROJECTS_PARTNERED"
	// TraverseSourceClaims: Source → every node with evidence quoting it.
	TraverseSourceClaims Traversal = "SOURCE_CLAIMS"
)

// Traversals lists every Traversal.
var Traversals = []Traversal{TraversePersonRoles, TraverseOrgRoles, TraverseOrgChildren, TraverseCountryActors,
	TraverseCommitmentsMade, TraverseCommitmentsReceived, TraverseActorMeetings, TraverseFiguresStated, TraverseFiguresAbout,
	TraverseMeetingCommitments, TraverseMeetingPrevious, TraverseMeetingNext, TraverseConcernedBy, TraversePillarProjects,
	TraverseProgrammeProjects, TraverseProgrammePillars, TraverseProgrammeChildren, TraverseProjectsPartnered, TraverseSourceClaims}

// SearchQuery is a free-text search over names, aliases, acronyms, titles,
// commitment statements and evidence quotes.
type SearchQuery struct {
	Text  string
	Kinds []Kind
	First int
}

// SearchHit is one search result.
type SearchHit struct {
	Node Node
	// Score ranks hits: higher is better.
	Score float64
	// Field is what matched: NAME, ALIAS, ACRONYM, TITLE, STATEMENT or QUOTE (a
	// quote of the node's evidence, its participations' or its signed documents').
	Field string
	// Matched is the text that matched.
	Matched string
	// Exact is set when the whole query equals the matched text (after normalisation).
	Exact bool
	// Snippet is Matched, or for a long text an excerpt of it around the first
	// match with "…" where it was cut. Plain text, never markup.
	Snippet string
	// Highlights are the byte ranges of Snippet whose words match the query, in
	// order, not overlapping.
	Highlights []TextRange
}

// TextRange is a half-open byte range [Start, End) of a text.
type TextRange struct {
	Start, End int
}

// DatasetInfo describes the data a store serves.
type DatasetInfo struct {
	// Version of the dataset, e.g. "2026.11.0".
	Version string
	// Counts of nodes per kind.
	Counts map[Kind]int
}

// Store is the port every storage adapter implements (memory, neo4j). All reads are
// safe for concurrent use. Lists come back in a stable order.
//
// Errors: invalid arguments (bad cursor, cursor reused with another order or filter,
// page too large, bad date) are EINVALID; anything else is EINTERNAL.
type Store interface {
	// Nodes returns the nodes with the given IDs in the same order; an unknown ID
	// yields nil at its position (not an error). Merged-away IDs resolve to the survivor.
	Nodes(ctx context.Context, ids []string) ([]Node, error)
	// Related returns, for each of ids, the nodes reached by rel, in a stable order.
	// It answers for all parents in one call: the loaders rely on it to avoid N+1.
	Related(ctx context.Context, ids []string, rel Traversal) ([][]Node, error)
	// Search ranks nodes whose name, alias, acronym or title match the text,
	// tolerating case, diacritics, hyphens and small typos.
	Search(ctx context.Context, q SearchQuery) ([]SearchHit, error)
	// Actors lists persons, organizations and countries.
	Actors(ctx context.Context, f ActorFilter, o Order, p PageArgs) (*Page[Node], error)
	// Meetings lists meetings.
	Meetings(ctx context.Context, f MeetingFilter, o Order, p PageArgs) (*Page[*Meeting], error)
	// Commitments lists commitments.
	Commitments(ctx context.Context, f CommitmentFilter, o Order, p PageArgs) (*Page[*Commitment], error)
	// Projects lists projects.
	Projects(ctx context.Context, f ProjectFilter, o Order, p PageArgs) (*Page[*Project], error)
	// Sources lists sources.
	Sources(ctx context.Context, f SourceFilter, o Order, p PageArgs) (*Page[*Source], error)
	// Programmes lists every programme by name.
	Programmes(ctx context.Context) ([]*Programme, error)
	// Pillars lists every pillar by programme and number.
	Pillars(ctx context.Context) ([]*Pillar, error)
	// Info describes the dataset served.
	Info(ctx context.Context) (*DatasetInfo, error)
	// Ping reports whether the store is usable (for /readyz).
	Ping(ctx context.Context) error
}
