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

// Relation names a traversal from a node to related nodes, used to fetch the
// children of many parents in one store call.
type Relation string

// Relations a store answers in Related.
const (
	// RelPersonRoles: Person → the Roles they hold.
	RelPersonRoles Relation = "PERSON_ROLES"
	// RelOrgRoles: Organization → the Roles held at it (its members).
	RelOrgRoles Relation = "ORG_ROLES"
	// RelOrgChildren: Organization → the organizations whose parent it is.
	RelOrgChildren Relation = "ORG_CHILDREN"
	// RelCountryActors: Country → the persons of its nationality and organizations in it.
	RelCountryActors Relation = "COUNTRY_ACTORS"
	// RelCommitmentsMade: Actor → the Commitments it made.
	RelCommitmentsMade Relation = "COMMITMENTS_MADE"
	// RelCommitmentsReceived: Actor → the Commitments made to it.
	RelCommitmentsReceived Relation = "COMMITMENTS_RECEIVED"
	// RelActorMeetings: Actor → the Meetings it organized, took part in, or whose body it is.
	RelActorMeetings Relation = "ACTOR_MEETINGS"
	// RelFiguresStated: Actor → the Figures it stated.
	RelFiguresStated Relation = "FIGURES_STATED"
	// RelFiguresAbout: any node → the Figures whose subject it is.
	RelFiguresAbout Relation = "FIGURES_ABOUT"
	// RelMeetingCommitments: Meeting → the Commitments made at it.
	RelMeetingCommitments Relation = "MEETING_COMMITMENTS"
	// RelMeetingPrevious: Meeting → the previous meeting in its series (zero or one).
	RelMeetingPrevious Relation = "MEETING_PREVIOUS"
	// RelMeetingNext: Meeting → the next meeting in its series (zero or one).
	RelMeetingNext Relation = "MEETING_NEXT"
	// RelConcernedBy: Project, Pillar, Programme or Organization → the Commitments concerning it.
	RelConcernedBy Relation = "CONCERNED_BY"
	// RelPillarProjects: Pillar → its Projects.
	RelPillarProjects Relation = "PILLAR_PROJECTS"
	// RelProgrammeProjects: Programme → its Projects.
	RelProgrammeProjects Relation = "PROGRAMME_PROJECTS"
	// RelProgrammePillars: Programme → its Pillars.
	RelProgrammePillars Relation = "PROGRAMME_PILLARS"
	// RelProgrammeChildren: Programme → the programmes part of it.
	RelProgrammeChildren Relation = "PROGRAMME_CHILDREN"
	// RelProjectsPartnered: Actor → the Projects it is a partner in.
	RelProjectsPartnered Relation = "PROJECTS_PARTNERED"
	// RelSourceClaims: Source → every node with evidence quoting it.
	RelSourceClaims Relation = "SOURCE_CLAIMS"
)

// Relations lists every Relation.
var Relations = []Relation{RelPersonRoles, RelOrgRoles, RelOrgChildren, RelCountryActors,
	RelCommitmentsMade, RelCommitmentsReceived, RelActorMeetings, RelFiguresStated, RelFiguresAbout,
	RelMeetingCommitments, RelMeetingPrevious, RelMeetingNext, RelConcernedBy, RelPillarProjects,
	RelProgrammeProjects, RelProgrammePillars, RelProgrammeChildren, RelProjectsPartnered, RelSourceClaims}

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
	Related(ctx context.Context, ids []string, rel Relation) ([][]Node, error)
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
