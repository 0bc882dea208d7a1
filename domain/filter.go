package domain

// Pointer fields of filters mean "not set"; slices mean "any of" when non-empty.
// Dates are ISO "YYYY-MM-DD" strings, already validated by ParseDate.

// ActorFilter selects actors.
type ActorFilter struct {
	// Kinds restricts to PERSON, ORGANIZATION and/or COUNTRY.
	Kinds []Kind
	// CountryID: persons of that nationality, organizations in that country, the country itself.
	CountryID *string
	// OrgTypes restricts organizations to these types (other kinds are excluded when set).
	OrgTypes []OrgType
	// Text matches name, aliases and acronym (normalised substring).
	Text *string
}

// MeetingFilter selects meetings.
type MeetingFilter struct {
	Series *string
	From   *string
	To     *string
	// ParticipantID: meetings the actor organized or took part in.
	ParticipantID *string
	Text          *string
}

// CommitmentFilter selects commitments.
type CommitmentFilter struct {
	MadeByID  *string
	MadeToID  *string
	MeetingID *string
	// Series: commitments made at a meeting of this series.
	Series *string
	// ProjectID, PillarID, ProgrammeID: commitments concerning that node (a pillar
	// also matches commitments concerning its projects; a programme those of its
	// pillars and projects).
	ProjectID   *string
	PillarID    *string
	ProgrammeID *string
	// ConcernsID: commitments concerning any node with this ID.
	ConcernsID *string
	Kinds      []CommitmentKind
	Statuses   []CommitmentStatus
	From       *string
	To         *string
	// Text matches the statement and the quotes of its evidence.
	Text *string
}

// ProjectFilter selects projects.
type ProjectFilter struct {
	PillarID    *string
	ProgrammeID *string
	Statuses    []ProjectStatus
	Text        *string
}

// SourceFilter selects sources.
type SourceFilter struct {
	Publisher *string
	Text      *string
}

// Order is a sort key and direction for a connection. Field names are per list:
// actors NAME, KIND; meetings DATE, TITLE, SEQUENCE; commitments DATE, KIND,
// STATUS, STATEMENT; projects NAME, STATUS; sources PUBLISHED, TITLE. Ties are
// broken by ID ascending; null keys sort last in both directions.
type Order struct {
	Field string
	Desc  bool
}

// String returns e.g. "DATE_DESC": the order as carried in cursors.
func (o Order) String() string {
	if o.Desc {
		return o.Field + "_DESC"
	}
	return o.Field + "_ASC"
}
