package seed

import (
	"fmt"
	"regexp"
	"strconv"

	"gopkg.in/yaml.v3"

	"github.com/corridor-kg/corridor/domain"
)

// loader gathers the records and the errors of every file of one Load.
type loader struct {
	errs ValidationErrors
	ds   *domain.Dataset
	info *DatasetInfo
	// nodes indexes every record ID read so far.
	nodes map[string]nodeLoc
	// refs and quotes are checked once every file has been read.
	refs   []pendingRef
	quotes []pendingQuote
	// sources remembers where each Source's file field is, for the quote check.
	sources map[string]sourceLoc
	// columns makes errors give the column as well as the line (imports; the
	// bundled YAML files are reported by line).
	columns bool
	// fileOf names the file of nodes that come from another file than their
	// record (a CSV import's edges); nil for YAML.
	fileOf map[*yaml.Node]string
	// stored answers for the nodes outside this load (ValidateNodes); nil for Load.
	stored Graph
}

// nodeLoc is where a record is defined.
type nodeLoc struct {
	kind domain.Kind
	file string
	at   *yaml.Node
}

// pendingRef is a reference to a node, checked when every record is known.
type pendingRef struct {
	file, record, field string
	at                  *yaml.Node
	id                  string
	what                string
	kinds               []domain.Kind
}

// pendingQuote is an evidence quote, checked against its source's text.
type pendingQuote struct {
	file, record, field string
	at                  *yaml.Node
	sourceID, quote     string
}

// sourceLoc is a Source record's file name and where it is given.
type sourceLoc struct {
	file, record string
	at           *yaml.Node
	name         string
}

func newLoader() *loader {
	return &loader{
		ds:      &domain.Dataset{},
		nodes:   map[string]nodeLoc{},
		sources: map[string]sourceLoc{},
	}
}

// errorAt records a problem at the position of a YAML node (nil: the whole record
// or file) in file, unless the node comes from another file.
func (l *loader) errorAt(file string, at *yaml.Node, record, field, msg string) {
	e := ValidationError{File: file, Record: record, Field: field, Message: msg}
	if at != nil {
		if f, ok := l.fileOf[at]; ok {
			e.File = f
		}
		e.Line = at.Line
		if l.columns {
			e.Column = at.Column
		}
	}
	l.errs = append(l.errs, e)
}

// slugRE is the shape of the part of an ID after its prefix.
var slugRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// yamlLineRE finds the line number in a YAML parser error.
var yamlLineRE = regexp.MustCompile(`line (\d+)`)

// Fields of each kind of record, besides id, note and evidence.
var kindFields = map[domain.Kind][]string{
	domain.KindSource:       {"title", "publisher", "published", "publishedText", "url", "file"},
	domain.KindCountry:      {"name", "aliases", "iso"},
	domain.KindPerson:       {"name", "aliases", "nationality"},
	domain.KindOrganization: {"name", "aliases", "acronym", "type", "country", "parent"},
	domain.KindRole:         {"person", "title", "organization", "from", "fromText", "to", "toText"},
	domain.KindMeeting: {"title", "series", "sequence", "body", "date", "dateText", "location", "format",
		"organizers", "participants", "documentsSigned"},
	domain.KindCommitment: {"statement", "kind", "status", "madeBy", "madeTo", "madeAt", "date", "dateText",
		"concerns", "amount"},
	domain.KindProject:   {"name", "aliases", "description", "location", "status", "pillars", "programmes", "partners"},
	domain.KindProgramme: {"name", "acronym", "aliases", "description", "partOf"},
	domain.KindPillar:    {"name", "programme", "number", "description"},
	domain.KindFigure: {"subject", "metric", "value", "maxValue", "unit", "approximate", "asOf", "asOfText",
		"saidBy"},
}

// loadFile reads one data file; file is its path as shown in errors, base its name.
func (l *loader) loadFile(file, base string, data []byte) {
	fileErr := func(line int, format string, args ...any) {
		l.errs = append(l.errs, ValidationError{File: file, Line: line, Message: fmt.Sprintf(format, args...)})
	}
	kind, known := kindFiles[base]
	if !known && base != datasetFile {
		fileErr(0, "unknown data file name; expected one of %s", fileNames())
		return
	}
	doc, err := parseYAML(data)
	if err != nil {
		line := 0
		if m := yamlLineRE.FindStringSubmatch(err.Error()); m != nil {
			line, _ = strconv.Atoi(m[1])
		}
		fileErr(line, "not valid YAML: %v", err)
		return
	}
	if doc != nil && len(doc.Content) == 1 {
		if a := findAlias(doc.Content[0]); a != nil {
			fileErr(a.Line, "YAML aliases (*%s) are not supported in seed data; write the value out", a.Value)
			return
		}
	}
	if base == datasetFile {
		l.loadInfo(file, doc)
		return
	}
	if doc == nil || len(doc.Content) == 0 {
		return // an empty file holds no records
	}
	root := doc.Content[0]
	if root.Kind == yaml.ScalarNode && root.ShortTag() == "!!null" {
		return
	}
	if root.Kind != yaml.SequenceNode {
		fileErr(root.Line, "expected a list of records (each starting with \"- id: %s:...\"), found %s", kind.Prefix(), describe(root))
		return
	}
	prev := ""
	for i, n := range root.Content {
		id := l.loadRecord(file, kind, i, n)
		if id != "" && prev != "" && id < prev {
			l.errorAt(file, n, id, "id", fmt.Sprintf("records are kept sorted by id; this one belongs before %q", prev))
		}
		if id != "" && id > prev {
			prev = id
		}
	}
}

// findAlias returns the first alias node in the tree, or nil.
func findAlias(n *yaml.Node) *yaml.Node {
	if n.Kind == yaml.AliasNode {
		return n
	}
	for _, c := range n.Content {
		if a := findAlias(c); a != nil {
			return a
		}
	}
	return nil
}

// loadInfo reads dataset.yaml.
func (l *loader) loadInfo(file string, doc *yaml.Node) {
	r := &record{l: l, file: file}
	if l.info != nil {
		r.errorf(nil, "", "a second %s; the dataset has one", datasetFile)
		return
	}
	if doc == nil || len(doc.Content) == 0 {
		r.errorf(nil, "", "empty; it must give the dataset version")
		return
	}
	o := r.object(doc.Content[0], "", []string{"version", "title", "license"})
	l.info = &DatasetInfo{
		Version: o.reqStr("version", "the dataset version"),
		Title:   o.str("title"),
		License: o.str("license"),
	}
}

// loadRecord reads the i-th record of a file of the given kind and returns its
// ID ("" if it has none).
func (l *loader) loadRecord(file string, kind domain.Kind, i int, n *yaml.Node) string {
	r := &record{l: l, file: file, id: fmt.Sprintf("record #%d", i+1)}
	if n.Kind != yaml.MappingNode {
		r.errorf(n, "", "expected a record (a mapping starting with \"id:\"), found %s", describe(n))
		return ""
	}
	// Find the ID first, so that every other error names it.
	var idNode *yaml.Node
	for j := 0; j+1 < len(n.Content); j += 2 {
		if n.Content[j].Value == "id" && n.Content[j+1].Kind == yaml.ScalarNode {
			idNode = n.Content[j+1]
			break
		}
	}
	id := ""
	if idNode != nil && idNode.ShortTag() != "!!null" && idNode.Value != "" {
		id = idNode.Value
		r.id = id
	}
	allowed := append([]string{"id", "note", "evidence"}, kindFields[kind]...)
	o := r.object(n, "", allowed)
	if id == "" {
		o.scalar("id") // reports an ID that is a list or a mapping
		o.missing("id", fmt.Sprintf("an ID of the form %s:<slug>", kind.Prefix()))
		return ""
	}
	if !l.checkID(r, idNode, kind) {
		id = ""
	}
	meta := domain.Meta{
		ID:       r.id,
		Origin:   domain.OriginSeed,
		Note:     o.str("note"),
		Evidence: o.evidence(kind != domain.KindSource),
	}
	l.ds.Add(l.readNode(kind, o, meta))
	return id
}

// checkID validates an ID's shape and registers it; it reports whether the ID is
// well formed and new.
func (l *loader) checkID(r *record, n *yaml.Node, kind domain.Kind) bool {
	id := n.Value
	prefix, slug, ok := cut(id, ':')
	switch {
	case !ok || prefix != kind.Prefix():
		r.errorf(n, "id", "must start with %q in this file (IDs are <kind>:<slug>)", kind.Prefix()+":")
		return false
	case !slugRE.MatchString(slug):
		r.errorf(n, "id", "the part after %q must be lower-case ASCII letters and digits in words joined by single hyphens (e.g. %s:anusha-rehman)", prefix+":", prefix)
		return false
	}
	if prev, dup := l.nodes[id]; dup {
		r.errorf(n, "id", "duplicate ID: already defined at %s:%d", prev.file, prev.at.Line)
		return false
	}
	l.nodes[id] = nodeLoc{kind: kind, file: r.file, at: n}
	return true
}

// cut splits s around the first sep.
func cut(s string, sep byte) (before, after string, found bool) {
	for i := 0; i < len(s); i++ {
		if s[i] == sep {
			return s[:i], s[i+1:], true
		}
	}
	return s, "", false
}

// readNode maps the fields of a record of the given kind to its domain type.
func (l *loader) readNode(kind domain.Kind, o *obj, meta domain.Meta) domain.Node {
	switch kind {
	case domain.KindSource:
		s := &domain.Source{
			Meta:      meta,
			Title:     o.reqStr("title", "the headline"),
			Publisher: o.str("publisher"),
			Published: o.date("published", "publishedText"),
			URL:       o.url("url"),
		}
		if l.stored != nil {
			s.File = o.str("file") // a curated source may have no text on disk
		} else {
			s.File = o.reqStr("file", "the article's file name in the seeds directory")
		}
		if s.File != "" {
			if !isPlainFileName(s.File) {
				o.r.errorf(o.at("file"), "file", "%q must be a plain file name in the seeds directory, without a path", s.File)
				s.File = ""
			} else if meta.ID != "" {
				l.sources[meta.ID] = sourceLoc{file: o.r.file, record: meta.ID, at: o.at("file"), name: s.File}
			}
		}
		return s
	case domain.KindCountry:
		c := &domain.Country{
			Meta:    meta,
			Name:    o.reqStr("name", "the country's name"),
			Aliases: o.strList("aliases"),
			ISO:     o.str("iso"),
		}
		if c.ISO != "" && !isoRE.MatchString(c.ISO) {
			o.r.errorf(o.at("iso"), "iso", "%q is not an ISO 3166-1 alpha-2 code (two capital letters, e.g. PK)", c.ISO)
		}
		return c
	case domain.KindPerson:
		return &domain.Person{
			Meta:          meta,
			Name:          o.reqStr("name", "the person's name"),
			Aliases:       o.strList("aliases"),
			NationalityID: o.relRef(domain.KindPerson, "nationality"),
		}
	case domain.KindOrganization:
		return &domain.Organization{
			Meta:      meta,
			Name:      o.reqStr("name", "the organization's name"),
			Aliases:   o.strList("aliases"),
			Acronym:   o.str("acronym"),
			Type:      enum(o, "type", domain.OrgTypes, true, ""),
			CountryID: o.relRef(domain.KindOrganization, "country"),
			ParentID:  o.relRef(domain.KindOrganization, "parent"),
		}
	case domain.KindRole:
		r := &domain.Role{
			Meta:           meta,
			PersonID:       o.relRef(domain.KindRole, "person"),
			Title:          o.reqStr("title", "the title held"),
			OrganizationID: o.relRef(domain.KindRole, "organization"),
			From:           o.date("from", "fromText"),
			To:             o.date("to", "toText"),
		}
		if r.From.Known() && r.To.Known() && r.To.End() < r.From.Start() {
			o.r.errorf(o.at("to"), "to", "%s is before from (%s)", r.To.Value, r.From.Value)
		}
		return r
	case domain.KindMeeting:
		return l.readMeeting(o, meta)
	case domain.KindCommitment:
		return &domain.Commitment{
			Meta:       meta,
			Statement:  o.reqStr("statement", "the commitment in plain words"),
			Kind:       enum(o, "kind", domain.CommitmentKinds, true, ""),
			Status:     enum(o, "status", domain.CommitmentStatuses, true, ""),
			MadeByIDs:  o.relRefs(domain.KindCommitment, "madeBy"),
			MadeToIDs:  o.relRefs(domain.KindCommitment, "madeTo"),
			MadeAtID:   o.relRef(domain.KindCommitment, "madeAt"),
			Date:       o.date("date", "dateText"),
			ConcernIDs: o.relRefs(domain.KindCommitment, "concerns"),
			Amount:     o.amount("amount"),
		}
	case domain.KindProject:
		return &domain.Project{
			Meta:         meta,
			Name:         o.reqStr("name", "the project's name"),
			Aliases:      o.strList("aliases"),
			Description:  o.str("description"),
			Location:     o.str("location"),
			Status:       enum(o, "status", domain.ProjectStatuses, false, domain.ProjectUnknown),
			PillarIDs:    o.relRefs(domain.KindProject, "pillars"),
			ProgrammeIDs: o.relRefs(domain.KindProject, "programmes"),
			PartnerIDs:   o.relRefs(domain.KindProject, "partners"),
		}
	case domain.KindProgramme:
		return &domain.Programme{
			Meta:        meta,
			Name:        o.reqStr("name", "the programme's name"),
			Aliases:     o.strList("aliases"),
			Acronym:     o.str("acronym"),
			Description: o.str("description"),
			PartOfID:    o.relRef(domain.KindProgramme, "partOf"),
		}
	case domain.KindPillar:
		return &domain.Pillar{
			Meta:        meta,
			Name:        o.reqStr("name", "the pillar's name"),
			ProgrammeID: o.relRef(domain.KindPillar, "programme"),
			Number:      o.positiveInt("number"),
			Description: o.str("description"),
		}
	case domain.KindFigure:
		f := &domain.Figure{
			Meta:        meta,
			SubjectID:   o.relRef(domain.KindFigure, "subject"),
			Metric:      o.reqStr("metric", "what is measured"),
			MaxValue:    o.numberPtr("maxValue"),
			Unit:        o.reqStr("unit", "the unit (or a currency code for money)"),
			Approximate: o.boolean("approximate"),
			AsOf:        o.date("asOf", "asOfText"),
			SaidByIDs:   o.relRefs(domain.KindFigure, "saidBy"),
		}
		f.Value, _ = o.number("value", true, "the figure's value")
		checkRange(o, f.Value, f.MaxValue)
		return f
	}
	panic(fmt.Sprintf("seed: no reader for kind %q", kind))
}

// isoRE is the shape of an ISO 3166-1 alpha-2 code; currencyRE of an ISO 4217 code.
var (
	isoRE      = regexp.MustCompile(`^[A-Z]{2}$`)
	currencyRE = regexp.MustCompile(`^[A-Z]{3}$`)
	fileNameRE = regexp.MustCompile(`^[A-Za-z0-9_][A-Za-z0-9._-]*$`)
)

// isPlainFileName reports whether s names a file without any directory part.
func isPlainFileName(s string) bool { return fileNameRE.MatchString(s) && s != "." && s != ".." }

// checkRange reports a range whose upper bound is below its lower bound.
func checkRange(o *obj, value float64, maxValue *float64) {
	if maxValue != nil && *maxValue < value {
		o.r.errorf(o.at("maxValue"), o.field("maxValue"), "%v is less than value (%v)", *maxValue, value)
	}
}

// amountFields are the fields of an amount.
var amountFields = []string{"value", "maxValue", "currency", "approximate"}

// amount reads an optional amount of money.
func (o *obj) amount(key string) *domain.Amount {
	n, ok := o.fields[key]
	if !ok || (n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null") {
		return nil
	}
	a := o.r.object(n, o.field(key), amountFields)
	if a.bad {
		return nil
	}
	amt := &domain.Amount{
		MaxValue:    a.numberPtr("maxValue"),
		Currency:    a.reqStr("currency", "an ISO 4217 currency code such as USD"),
		Approximate: a.boolean("approximate"),
	}
	amt.Value, _ = a.number("value", true, "the amount (the lower bound of a range)")
	if amt.Currency != "" && !currencyRE.MatchString(amt.Currency) {
		a.r.errorf(a.at("currency"), a.field("currency"), "%q is not an ISO 4217 currency code (three capital letters, e.g. USD)", amt.Currency)
	}
	checkRange(a, amt.Value, amt.MaxValue)
	return amt
}

// Fields of a meeting's participants and signed documents.
var (
	participantFields = []string{"actor", "capacity", "evidence"}
	documentFields    = []string{"description", "count", "evidence"}
)

// readMeeting reads a Meeting record.
func (l *loader) readMeeting(o *obj, meta domain.Meta) *domain.Meeting {
	m := &domain.Meeting{
		Meta:         meta,
		Title:        o.reqStr("title", "the meeting's title"),
		Series:       o.str("series"),
		Sequence:     o.positiveInt("sequence"),
		BodyID:       o.relRef(domain.KindMeeting, "body"),
		Date:         o.date("date", "dateText"),
		Location:     o.str("location"),
		Format:       enum(o, "format", domain.MeetingFormats, false, domain.FormatUnknown),
		OrganizerIDs: o.relRefs(domain.KindMeeting, "organizers"),
	}
	if m.Sequence != nil && m.Series == "" {
		o.r.errorf(o.at("sequence"), "sequence", "a sequence number needs a series (e.g. series: JCC)")
	}
	var actors []string
	participants := domain.RelFieldNamed(domain.KindMeeting, "participants")
	for i, n := range o.seq("participants") {
		p := o.r.object(n, fmt.Sprintf("participants[%d]", i), participantFields)
		part := domain.Participation{
			ActorID:  p.ref("actor", true, participants.What(), participants.Targets...),
			Capacity: p.str("capacity"),
			Evidence: p.evidence(true),
		}
		if part.ActorID != "" {
			for _, a := range actors {
				if a == part.ActorID {
					p.r.errorf(p.at("actor"), p.field("actor"), "%q already takes part in this meeting; give one entry per actor", a)
				}
			}
			actors = append(actors, part.ActorID)
		}
		m.Participants = append(m.Participants, part)
	}
	for i, n := range o.seq("documentsSigned") {
		d := o.r.object(n, fmt.Sprintf("documentsSigned[%d]", i), documentFields)
		m.DocumentsSigned = append(m.DocumentsSigned, domain.SignedDocuments{
			Description: d.reqStr("description", "a description of the documents"),
			Count:       d.positiveInt("count"),
			Evidence:    d.evidence(true),
		})
	}
	return m
}

// addRef records a reference to check once every record is known.
func (l *loader) addRef(r *record, at *yaml.Node, field, id, what string, kinds []domain.Kind) {
	l.refs = append(l.refs, pendingRef{file: r.file, record: r.id, field: field, at: at, id: id, what: what, kinds: kinds})
}

// addQuote records an evidence quote to check against its source text.
func (l *loader) addQuote(r *record, at *yaml.Node, field, sourceID, quote string) {
	l.quotes = append(l.quotes, pendingQuote{file: r.file, record: r.id, field: field, at: at, sourceID: sourceID, quote: quote})
}

// relRef reads the single reference a record of kind k holds in a relation
// field, checked against the field's declaration (domain.RelFields).
func (o *obj) relRef(k domain.Kind, field string) string {
	r := domain.RelFieldNamed(k, field)
	return o.ref(field, r.Required, r.What(), r.Targets...)
}

// relRefs reads the list of references a record of kind k holds in a relation field.
func (o *obj) relRefs(k domain.Kind, field string) []string {
	r := domain.RelFieldNamed(k, field)
	return o.refList(field, r.Required, r.What(), r.Targets...)
}
