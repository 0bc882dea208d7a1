package seed

import (
	"fmt"
	"net/url"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/corridor-kg/corridor/domain"
	"github.com/corridor-kg/corridor/internal/textnorm"
)

// record is the context of one record while it is read: the file it is in and
// its ID, which every error names.
type record struct {
	l    *loader
	file string
	id   string
}

// errorf records a problem with a field of the record at the position of a
// YAML node (nil: no position).
func (r *record) errorf(at *yaml.Node, field, format string, args ...any) {
	r.l.errorAt(r.file, at, r.id, field, fmt.Sprintf(format, args...))
}

// obj is a YAML mapping being read as a record or a part of one (an evidence
// entry, a participant, an amount). Every key has been checked against the
// fields the mapping may hold; each accessor reports the errors of its field.
type obj struct {
	r    *record
	path string // field path of the mapping inside the record ("" for the record itself)
	node *yaml.Node
	// bad is set when node is not a mapping: its fields are then not reported missing.
	bad    bool
	fields map[string]*yaml.Node
}

// object reads n as a mapping whose keys must be among allowed. Unknown and
// repeated keys are reported; the returned obj is never nil.
func (r *record) object(n *yaml.Node, path string, allowed []string) *obj {
	o := &obj{r: r, path: path, node: n, fields: map[string]*yaml.Node{}}
	if n.Kind != yaml.MappingNode {
		o.bad = true
		r.errorf(n, path, "expected a mapping of fields (key: value), found %s", describe(n))
		return o
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			r.errorf(k, path, "a field name must be a plain word, found %s", describe(k))
			continue
		}
		name := k.Value
		if !slices.Contains(allowed, name) {
			msg := fmt.Sprintf("unknown field %q", name)
			if s := nearest(name, allowed); s != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", s)
			}
			r.errorf(k, o.field(name), "%s; allowed fields: %s", msg, strings.Join(allowed, ", "))
			continue
		}
		if _, dup := o.fields[name]; dup {
			r.errorf(k, o.field(name), "field given twice")
			continue
		}
		o.fields[name] = v
	}
	return o
}

// field returns the path of a field of the mapping.
func (o *obj) field(key string) string {
	if o.path == "" {
		return key
	}
	return o.path + "." + key
}

// at returns the node of a field's value, or the mapping when it is absent, for
// the position of an error.
func (o *obj) at(key string) *yaml.Node {
	if v, ok := o.fields[key]; ok {
		return v
	}
	return o.node
}

// missing reports that a required field is absent or empty.
func (o *obj) missing(key, what string) {
	if o.bad {
		return
	}
	if v, ok := o.fields[key]; ok {
		blank := v.Kind == yaml.ScalarNode && (v.ShortTag() == "!!null" || strings.TrimSpace(v.Value) == "")
		if blank || (v.Kind == yaml.SequenceNode && len(v.Content) == 0) {
			o.r.errorf(o.at(key), o.field(key), "is empty; %s is required", what)
		}
		return // a value of the wrong shape is reported where it is read
	}
	o.r.errorf(o.at(key), o.field(key), "missing; %s is required", what)
}

// scalar returns the field's scalar node, or nil when the field is absent or null.
// A list or mapping where a single value belongs is reported.
func (o *obj) scalar(key string) *yaml.Node {
	v, ok := o.fields[key]
	if !ok {
		return nil
	}
	if v.Kind != yaml.ScalarNode {
		o.r.errorf(v, o.field(key), "expected a single value, found %s", describe(v))
		return nil
	}
	if v.ShortTag() == "!!null" {
		return nil
	}
	return v
}

// str returns an optional text field ("" when absent).
func (o *obj) str(key string) string {
	if v := o.scalar(key); v != nil {
		return v.Value
	}
	return ""
}

// reqStr returns a required text field, reporting it when absent or blank.
func (o *obj) reqStr(key, what string) string {
	s := o.str(key)
	if strings.TrimSpace(s) == "" {
		o.missing(key, what)
	}
	return s
}

// seq returns the items of a list field (nil when absent or null).
func (o *obj) seq(key string) []*yaml.Node {
	v, ok := o.fields[key]
	if !ok || (v.Kind == yaml.ScalarNode && v.ShortTag() == "!!null") {
		return nil
	}
	if v.Kind != yaml.SequenceNode {
		o.r.errorf(v, o.field(key), "expected a list, found %s", describe(v))
		return nil
	}
	return v.Content
}

// strList returns a list of non-empty texts, such as aliases.
func (o *obj) strList(key string) []string {
	var out []string
	for i, v := range o.seq(key) {
		f := fmt.Sprintf("%s[%d]", o.field(key), i)
		if v.Kind != yaml.ScalarNode || v.ShortTag() == "!!null" {
			o.r.errorf(v, f, "expected a text, found %s", describe(v))
			continue
		}
		if strings.TrimSpace(v.Value) == "" {
			o.r.errorf(v, f, "is empty")
			continue
		}
		if slices.Contains(out, v.Value) {
			o.r.errorf(v, f, "%q is listed twice", v.Value)
			continue
		}
		out = append(out, v.Value)
	}
	return out
}

// ref returns a reference to another node; kinds lists the kinds it may point
// to (none: any kind). It is checked once every file is read.
func (o *obj) ref(key string, required bool, what string, kinds ...domain.Kind) string {
	v := o.scalar(key)
	if v == nil || strings.TrimSpace(v.Value) == "" {
		if required {
			o.missing(key, what)
		}
		return ""
	}
	o.r.l.addRef(o.r, v, o.field(key), v.Value, what, kinds)
	return v.Value
}

// refList returns a list of references, none repeated.
func (o *obj) refList(key string, required bool, what string, kinds ...domain.Kind) []string {
	items := o.seq(key)
	if len(items) == 0 {
		if required {
			o.missing(key, "at least one ID of "+what)
		}
		return nil
	}
	var out []string
	for i, v := range items {
		f := fmt.Sprintf("%s[%d]", o.field(key), i)
		if v.Kind != yaml.ScalarNode || v.ShortTag() == "!!null" || strings.TrimSpace(v.Value) == "" {
			o.r.errorf(v, f, "expected the ID of %s, found %s", what, describe(v))
			continue
		}
		if slices.Contains(out, v.Value) {
			o.r.errorf(v, f, "%q is listed twice", v.Value)
			continue
		}
		o.r.l.addRef(o.r, v, f, v.Value, what, kinds)
		out = append(out, v.Value)
	}
	return out
}

// number returns a numeric field; ok is false when it is absent or invalid.
func (o *obj) number(key string, required bool, what string) (f float64, ok bool) {
	v := o.scalar(key)
	if v == nil {
		if required {
			o.missing(key, what)
		}
		return 0, false
	}
	if t := v.ShortTag(); t != "!!int" && t != "!!float" {
		o.r.errorf(v, o.field(key), "%q is not a number", v.Value)
		return 0, false
	}
	if err := v.Decode(&f); err != nil {
		o.r.errorf(v, o.field(key), "%q is not a number", v.Value)
		return 0, false
	}
	if f != f || f > 1e300 || f < -1e300 {
		o.r.errorf(v, o.field(key), "%q is not a finite number", v.Value)
		return 0, false
	}
	return f, true
}

// numberPtr returns an optional numeric field.
func (o *obj) numberPtr(key string) *float64 {
	if f, ok := o.number(key, false, ""); ok {
		return &f
	}
	return nil
}

// positiveInt returns an optional whole number of at least 1 (an ordinal, a count).
func (o *obj) positiveInt(key string) *int {
	v := o.scalar(key)
	if v == nil {
		return nil
	}
	var n int
	if v.ShortTag() != "!!int" || v.Decode(&n) != nil || n < 1 {
		o.r.errorf(v, o.field(key), "%q is not a whole number of at least 1", v.Value)
		return nil
	}
	return &n
}

// boolean returns an optional true/false field (false when absent).
func (o *obj) boolean(key string) bool {
	v := o.scalar(key)
	if v == nil {
		return false
	}
	var b bool
	if v.ShortTag() != "!!bool" || v.Decode(&b) != nil {
		o.r.errorf(v, o.field(key), "%q is not true or false", v.Value)
		return false
	}
	return b
}

// date returns a partial date from a date field and its text companion.
func (o *obj) date(key, textKey string) domain.PartialDate {
	d := domain.PartialDate{Text: o.str(textKey)}
	v := o.scalar(key)
	if v == nil {
		return d
	}
	p, err := domain.ParsePartialDate(v.Value)
	if err != nil {
		o.r.errorf(v, o.field(key), "%v; leave it out when the source gives no date, and keep a relative date as text in %s", err, textKey)
		return d
	}
	p.Text = d.Text
	return p
}

// url returns an optional absolute http(s) URL.
func (o *obj) url(key string) string {
	s := o.str(key)
	if s == "" {
		return ""
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		o.r.errorf(o.at(key), o.field(key), "%q is not an absolute http(s) URL", s)
		return ""
	}
	return s
}

// enum returns a field that must be one of allowed; def is used when the field is
// absent and not required.
func enum[T ~string](o *obj, key string, allowed []T, required bool, def T) T {
	v := o.scalar(key)
	if v == nil {
		if required {
			o.missing(key, "one of "+domain.JoinValues(allowed))
		}
		return def
	}
	t := T(v.Value)
	if !domain.Valid(t, allowed) {
		msg := fmt.Sprintf("%q is not one of %s", v.Value, domain.JoinValues(allowed))
		if s := nearest(strings.ToUpper(v.Value), enumStrings(allowed)); s != "" {
			msg += fmt.Sprintf(" (did you mean %s?)", s)
		}
		o.r.errorf(v, o.field(key), "%s", msg)
		return def
	}
	return t
}

func enumStrings[T ~string](allowed []T) []string {
	out := make([]string, len(allowed))
	for i, a := range allowed {
		out[i] = string(a)
	}
	return out
}

// evidenceFields are the fields of an evidence entry.
var evidenceFields = []string{"source", "quote", "attribution", "speaker"}

// evidence reads the "evidence" list of the mapping.
func (o *obj) evidence(required bool) []domain.Evidence {
	items := o.seq("evidence")
	if len(items) == 0 {
		if required {
			o.missing("evidence", "at least one evidence entry (source, quote, attribution)")
		}
		return nil
	}
	out := make([]domain.Evidence, 0, len(items))
	for i, n := range items {
		e := o.r.object(n, fmt.Sprintf("%s[%d]", o.field("evidence"), i), evidenceFields)
		ev := domain.Evidence{
			SourceID:    e.ref("source", true, "a Source", domain.KindSource),
			Quote:       e.reqStr("quote", "a verbatim excerpt of the source"),
			Attribution: enum(e, "attribution", domain.Attributions, true, ""),
			SpeakerID:   e.ref("speaker", false, "an actor (PERSON, ORGANIZATION or COUNTRY)", domain.ActorKinds...),
		}
		if ev.SpeakerID != "" && ev.Attribution == domain.AttributionArticle {
			e.r.errorf(e.at("speaker"), e.field("speaker"), "attribution ARTICLE is the article's own voice and has no speaker; use REPORTED or DIRECT_QUOTE, or drop the speaker")
		}
		if ev.Quote != "" {
			o.r.l.addQuote(o.r, e.at("quote"), e.field("quote"), ev.SourceID, ev.Quote)
		}
		out = append(out, ev)
	}
	return out
}

// describe names the shape of a YAML node for error messages.
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	case yaml.DocumentNode:
		return "a document"
	case yaml.ScalarNode:
		if n.ShortTag() == "!!null" {
			return "nothing"
		}
		return fmt.Sprintf("%q", n.Value)
	}
	return "an unknown node"
}

// nearest returns the candidate closest to s when it is close enough to be a typo.
func nearest(s string, candidates []string) string {
	best, bestD := "", 0
	limit := max(1, min(3, len(s)/3))
	for _, c := range candidates {
		d := textnorm.BoundedDistance(s, c, limit)
		if d <= limit && (best == "" || d < bestD) {
			best, bestD = c, d
		}
	}
	return best
}
