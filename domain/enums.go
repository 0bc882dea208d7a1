package domain

import (
	"slices"
	"strings"
)

// Kind is the kind of a node. KindSpecs (schema.go) declares each one.
type Kind string

// Node kinds.
const (
	KindPerson       Kind = "PERSON"
	KindOrganization Kind = "ORGANIZATION"
	KindCountry      Kind = "COUNTRY"
	KindRole         Kind = "ROLE"
	KindMeeting      Kind = "MEETING"
	KindCommitment   Kind = "COMMITMENT"
	KindProject      Kind = "PROJECT"
	KindProgramme    Kind = "PROGRAMME"
	KindPillar       Kind = "PILLAR"
	KindFigure       Kind = "FIGURE"
	KindSource       Kind = "SOURCE"
)

// Attribution says whose words a piece of evidence holds.
type Attribution string

// Attributions.
const (
	// AttributionDirectQuote is a named speaker's own words, in quotation marks.
	AttributionDirectQuote Attribution = "DIRECT_QUOTE"
	// AttributionReported is the article reporting what a named party said.
	AttributionReported Attribution = "REPORTED"
	// AttributionAnonymous is an unnamed speaker ("a senior official").
	AttributionAnonymous Attribution = "ANONYMOUS"
	// AttributionArticle is the article's own voice.
	AttributionArticle Attribution = "ARTICLE"
)

// Precision is how much of a date is known.
type Precision string

// Date precisions.
const (
	PrecisionDay     Precision = "DAY"
	PrecisionMonth   Precision = "MONTH"
	PrecisionYear    Precision = "YEAR"
	PrecisionUnknown Precision = "UNKNOWN"
)

// OrgType classifies organizations.
type OrgType string

// Organization types.
const (
	OrgMinistry     OrgType = "MINISTRY"
	OrgDivision     OrgType = "DIVISION"
	OrgAgency       OrgType = "AGENCY"
	OrgRegulator    OrgType = "REGULATOR"
	OrgEmbassy      OrgType = "EMBASSY"
	OrgCompany      OrgType = "COMPANY"
	OrgStateCompany OrgType = "STATE_ENTERPRISE"
	OrgAssociation  OrgType = "ASSOCIATION"
	OrgForum        OrgType = "FORUM"
	OrgCommittee    OrgType = "COMMITTEE"
	OrgWorkingGroup OrgType = "WORKING_GROUP"
	OrgGovernment   OrgType = "GOVERNMENT"
	OrgDelegation   OrgType = "DELEGATION"
	OrgMedia        OrgType = "MEDIA"
	OrgGroup        OrgType = "GROUP"
	OrgOther        OrgType = "OTHER"
)

// OrgTypes lists the valid organization types.
var OrgTypes = []OrgType{OrgMinistry, OrgDivision, OrgAgency, OrgRegulator, OrgEmbassy, OrgCompany,
	OrgStateCompany, OrgAssociation, OrgForum, OrgCommittee, OrgWorkingGroup, OrgGovernment,
	OrgDelegation, OrgMedia, OrgGroup, OrgOther}

// MeetingFormat says how a meeting was held.
type MeetingFormat string

// Meeting formats.
const (
	FormatInPerson  MeetingFormat = "IN_PERSON"
	FormatVideoLink MeetingFormat = "VIDEO_LINK"
	FormatUnknown   MeetingFormat = "UNKNOWN"
)

// MeetingFormats lists the valid meeting formats.
var MeetingFormats = []MeetingFormat{FormatInPerson, FormatVideoLink, FormatUnknown}

// CommitmentKind classifies commitments.
type CommitmentKind string

// Commitment kinds.
const (
	CommitmentPledge       CommitmentKind = "PLEDGE"
	CommitmentAgreement    CommitmentKind = "AGREEMENT"
	CommitmentAssurance    CommitmentKind = "ASSURANCE"
	CommitmentRequest      CommitmentKind = "REQUEST"
	CommitmentTarget       CommitmentKind = "TARGET"
	CommitmentAnnouncement CommitmentKind = "ANNOUNCEMENT"
	CommitmentDecision     CommitmentKind = "DECISION"
)

// CommitmentKinds lists the valid commitment kinds.
var CommitmentKinds = []CommitmentKind{CommitmentPledge, CommitmentAgreement, CommitmentAssurance,
	CommitmentRequest, CommitmentTarget, CommitmentAnnouncement, CommitmentDecision}

// CommitmentStatus is where a commitment stands.
type CommitmentStatus string

// Commitment statuses: PROPOSED → AGREED → IN_PROGRESS → DELIVERED, or STALLED / CANCELLED.
const (
	StatusProposed   CommitmentStatus = "PROPOSED"
	StatusAgreed     CommitmentStatus = "AGREED"
	StatusInProgress CommitmentStatus = "IN_PROGRESS"
	StatusDelivered  CommitmentStatus = "DELIVERED"
	StatusStalled    CommitmentStatus = "STALLED"
	StatusCancelled  CommitmentStatus = "CANCELLED"
)

// CommitmentStatuses lists the valid commitment statuses.
var CommitmentStatuses = []CommitmentStatus{StatusProposed, StatusAgreed, StatusInProgress,
	StatusDelivered, StatusStalled, StatusCancelled}

// ProjectStatus is where a project stands.
type ProjectStatus string

// Project statuses.
const (
	ProjectProposed   ProjectStatus = "PROPOSED"
	ProjectPlanned    ProjectStatus = "PLANNED"
	ProjectInProgress ProjectStatus = "IN_PROGRESS"
	ProjectCompleted  ProjectStatus = "COMPLETED"
	ProjectStalled    ProjectStatus = "STALLED"
	ProjectCancelled  ProjectStatus = "CANCELLED"
	ProjectUnknown    ProjectStatus = "UNKNOWN"
)

// ProjectStatuses lists the valid project statuses.
var ProjectStatuses = []ProjectStatus{ProjectProposed, ProjectPlanned, ProjectInProgress,
	ProjectCompleted, ProjectStalled, ProjectCancelled, ProjectUnknown}

// Attributions lists the valid attributions.
var Attributions = []Attribution{AttributionDirectQuote, AttributionReported, AttributionAnonymous, AttributionArticle}

// Origin says where a record came from, so re-seeding never overwrites curation.
type Origin string

// Origins.
const (
	OriginSeed    Origin = "SEED"
	OriginCurated Origin = "CURATED"
)

// Valid reports whether v is one of allowed.
func Valid[T ~string](v T, allowed []T) bool { return slices.Contains(allowed, v) }

// JoinValues lists allowed as "A, B, C", for messages that say what is accepted.
func JoinValues[T ~string](allowed []T) string {
	s := make([]string, len(allowed))
	for i, a := range allowed {
		s[i] = string(a)
	}
	return strings.Join(s, ", ")
}
