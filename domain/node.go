package domain

// Evidence ties a claim to the words of a source.
type Evidence struct {
	// SourceID is the ID of the Source node the quote is taken from.
	SourceID string
	// Quote is a verbatim excerpt of the source text (a substring after
	// whitespace normalisation), short enough for a tooltip.
	Quote string
	// Attribution says whose words the quote holds.
	Attribution Attribution
	// SpeakerID optionally names the actor who spoke (DIRECT_QUOTE, REPORTED).
	SpeakerID string
}

// Amount is a sum of money or a quantity stated in a claim.
type Amount struct {
	// Value is the amount, or the lower bound of a range.
	Value float64
	// MaxValue is the upper bound of a range ("USD4 to 5 billion"), nil otherwise.
	MaxValue *float64
	// Currency is an ISO 4217 code such as "USD".
	Currency string
	// Approximate is set for "over", "around", "about".
	Approximate bool
}

// Meta holds what every node carries besides its own fields.
type Meta struct {
	// ID is the stable "<kind>:<slug>" identifier.
	ID string
	// Evidence supports the facts held on the node itself (name, place, links).
	Evidence []Evidence
	// Origin says whether the record came from the seed or from curation.
	Origin Origin
	// Note is an optional curator's note (e.g. why a modelling choice was made).
	Note string
}

// NodeID returns the node's ID.
func (m *Meta) NodeID() string { return m.ID }

// NodeMeta returns the Meta itself, so that code holding any node can reach it
// (see MetaOf).
func (m *Meta) NodeMeta() *Meta { return m }

// MetaOf returns a pointer to the Meta of a node of this package (every kind
// embeds one), or nil for a Node implemented elsewhere.
func MetaOf(n Node) *Meta {
	if m, ok := n.(interface{ NodeMeta() *Meta }); ok {
		return m.NodeMeta()
	}
	return nil
}

// NodeEvidence returns the evidence held on the node.
func (m *Meta) NodeEvidence() []Evidence { return m.Evidence }

// Node is any vertex of the graph.
type Node interface {
	NodeID() string
	NodeKind() Kind
	// Label is a short human-readable name for display.
	Label() string
	NodeEvidence() []Evidence
}

// Person is a named individual.
type Person struct {
	Meta
	// Name is the person's name as most often written.
	Name string
	// Aliases are other spellings and forms of the name.
	Aliases []string
	// NationalityID is the Country the person is a national of ("" if unknown).
	NationalityID string
}

// Organization is a ministry, agency, embassy, company, forum, committee or group.
type Organization struct {
	Meta
	Name    string
	Aliases []string
	// Acronym such as "MoIT", "PSEB", "NDRC".
	Acronym string
	Type    OrgType
	// CountryID is the Country the organization belongs to ("" if international or unknown).
	CountryID string
	// ParentID is the organization this one sits under ("" if none).
	ParentID string
}

// Country is a state; it stands for its government when an article says "Pakistan tabled…".
type Country struct {
	Meta
	Name    string
	Aliases []string
	// ISO is the ISO 3166-1 alpha-2 code.
	ISO string
}

// Role is a person holding a title at an organization over a period.
type Role struct {
	Meta
	PersonID       string
	Title          string
	OrganizationID string
	// From and To bound the period; unknown ends are open.
	From PartialDate
	To   PartialDate
}

// Participation is an actor taking part in a meeting in some capacity.
type Participation struct {
	ActorID string
	// Capacity is the role the actor attended in ("head of delegation", "host").
	Capacity string
	Evidence []Evidence
}

// SignedDocuments records documents signed at a meeting.
type SignedDocuments struct {
	// Description of the documents, as the source gives it.
	Description string
	// Count of documents, when stated.
	Count    *int
	Evidence []Evidence
}

// Meeting is a meeting, visit, call or forum session.
type Meeting struct {
	Meta
	Title string
	// Series names the meeting series, e.g. "JCC" for the CPEC Joint Cooperation Committee.
	Series string
	// Sequence is the number of the meeting in its series (10 for the 10th JCC).
	Sequence *int
	// BodyID is the organization whose meeting this is (the JCC committee), if any.
	BodyID   string
	Date     PartialDate
	Location string
	Format   MeetingFormat
	// OrganizerIDs are the actors who hosted or organized the meeting.
	OrganizerIDs    []string
	Participants    []Participation
	DocumentsSigned []SignedDocuments
}

// Commitment is who promised, agreed, asked or announced what, to whom.
type Commitment struct {
	Meta
	// Statement says the commitment in plain words.
	Statement string
	Kind      CommitmentKind
	Status    CommitmentStatus
	MadeByIDs []string
	MadeToIDs []string
	// MadeAtID is the Meeting where it was made ("" if none is known).
	MadeAtID string
	Date     PartialDate
	// ConcernIDs are the projects, pillars, programmes or organizations it concerns.
	ConcernIDs []string
	Amount     *Amount
}

// Project is a concrete undertaking (a plant, a park, a corridor).
type Project struct {
	Meta
	Name         string
	Aliases      []string
	Description  string
	Location     string
	Status       ProjectStatus
	PillarIDs    []string
	ProgrammeIDs []string
	// PartnerIDs are actors taking part in the project.
	PartnerIDs []string
}

// Programme is an umbrella programme: CPEC, the Belt and Road Initiative, Digital Pakistan.
type Programme struct {
	Meta
	Name        string
	Aliases     []string
	Acronym     string
	Description string
	// PartOfID is a larger programme this one belongs to (CPEC is part of BRI).
	PartOfID string
}

// Pillar is a pillar of a programme, e.g. IT as the 7th pillar of the CPEC long-term plan.
type Pillar struct {
	Meta
	Name        string
	ProgrammeID string
	// Number is the pillar's ordinal, when stated.
	Number      *int
	Description string
}

// Figure is a quantity an actor (or the article) stated.
type Figure struct {
	Meta
	// SubjectID is the node the figure is about (a country, a sector's programme…).
	SubjectID string
	// Metric names what is measured ("IT services exports").
	Metric string
	Value  float64
	// MaxValue is the upper bound of a range.
	MaxValue    *float64
	Unit        string
	Approximate bool
	AsOf        PartialDate
	// SaidByIDs are the actors who stated it; empty when in the article's own voice.
	SaidByIDs []string
}

// Source is a document the graph was read from.
type Source struct {
	Meta
	Title     string
	Publisher string
	Published PartialDate
	URL       string
	// File is the name of the file the text was read from.
	File string
}

// NodeKind implements Node.
func (*Person) NodeKind() Kind { return KindPerson }

// NodeKind implements Node.
func (*Organization) NodeKind() Kind { return KindOrganization }

// NodeKind implements Node.
func (*Country) NodeKind() Kind { return KindCountry }

// NodeKind implements Node.
func (*Role) NodeKind() Kind { return KindRole }

// NodeKind implements Node.
func (*Meeting) NodeKind() Kind { return KindMeeting }

// NodeKind implements Node.
func (*Commitment) NodeKind() Kind { return KindCommitment }

// NodeKind implements Node.
func (*Project) NodeKind() Kind { return KindProject }

// NodeKind implements Node.
func (*Programme) NodeKind() Kind { return KindProgramme }

// NodeKind implements Node.
func (*Pillar) NodeKind() Kind { return KindPillar }

// NodeKind implements Node.
func (*Figure) NodeKind() Kind { return KindFigure }

// NodeKind implements Node.
func (*Source) NodeKind() Kind { return KindSource }

// Label implements Node.
func (n *Person) Label() string { return n.Name }

// Label implements Node.
func (n *Organization) Label() string { return n.Name }

// Label implements Node.
func (n *Country) Label() string { return n.Name }

// Label implements Node.
func (n *Role) Label() string { return n.Title }

// Label implements Node.
func (n *Meeting) Label() string { return n.Title }

// Label implements Node.
func (n *Commitment) Label() string { return n.Statement }

// Label implements Node.
func (n *Project) Label() string { return n.Name }

// Label implements Node.
func (n *Programme) Label() string { return n.Name }

// Label implements Node.
func (n *Pillar) Label() string { return n.Name }

// Label implements Node.
func (n *Figure) Label() string { return n.Metric }

// Label implements Node.
func (n *Source) Label() string { return n.Title }

// Actor is a node that can make and receive commitments: Person, Organization, Country.
type Actor interface {
	Node
	ActorName() string
	ActorAliases() []string
}

// ActorName implements Actor.
func (n *Person) ActorName() string { return n.Name }

// ActorAliases implements Actor.
func (n *Person) ActorAliases() []string { return n.Aliases }

// ActorName implements Actor.
func (n *Organization) ActorName() string { return n.Name }

// ActorAliases implements Actor.
func (n *Organization) ActorAliases() []string { return n.Aliases }

// ActorName implements Actor.
func (n *Country) ActorName() string { return n.Name }

// ActorAliases implements Actor.
func (n *Country) ActorAliases() []string { return n.Aliases }
