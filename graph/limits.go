package graph

import (
	"slices"
	"strings"

	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
	"github.com/vektah/gqlparser/v2/validator/core"
	"github.com/vektah/gqlparser/v2/validator/rules"
)

// Names of the validation rules this package adds; the error presenter gives their
// errors the code BAD_USER_INPUT.
const (
	ruleMaxDepth   = "CorridorMaxDepth"
	ruleMaxAliases = "CorridorMaxAliases"
	// ruleMaxErrors names the note that stands for the errors past the budget
	// (gqlgen overwrites the code of every validation error, so the presenter
	// recognises the note by this name).
	ruleMaxErrors = "CorridorMaxErrors"
)

// validationRules returns gqlparser's default rules plus the depth and alias
// limits. gqlgen has no such limits of its own; as validation rules they run once
// per distinct query and their verdict is kept in the query cache with the parsed
// query.
//
// Every rule reports through one errorBudget of maxErrors: a rule can report one
// error per pair of conflicting fields, and past the budget an error is counted
// instead of built (its message is never formatted). gqlgen puts its own
// FieldsOnCorrectType and ScalarLeafs rules in place of these two, outside the
// budget; they report at most one error per field, and capErrors bounds the
// answer in any case.
func validationRules(maxDepth, maxAliases, maxErrors int) *rules.Rules {
	all := []core.Rule{
		{Name: ruleMaxDepth, RuleFunc: func(observers *core.Events, addError core.AddErrFunc) {
			observers.OnOperation(func(walker *core.Walker, op *ast.OperationDefinition) {
				if s := measure(walker.Document, op); s.depth > maxDepth {
					addError(core.Message("Operation is nested %d fields deep; the limit is %d.", s.depth, maxDepth), core.At(op.Position))
				}
			})
		}},
		{Name: ruleMaxAliases, RuleFunc: func(observers *core.Events, addError core.AddErrFunc) {
			observers.OnOperation(func(walker *core.Walker, op *ast.OperationDefinition) {
				if s := measure(walker.Document, op); s.aliases > maxAliases {
					addError(core.Message("Operation uses %d aliases; the limit is %d.", s.aliases, maxAliases), core.At(op.Position))
				}
			})
		}},
	}
	defaults := rules.NewDefaultRules().GetInner()
	for name, f := range defaults {
		all = append(all, core.Rule{Name: name, RuleFunc: f})
	}
	// The same order every time, so errors come in the same order.
	slices.SortFunc(all, func(a, b core.Rule) int { return strings.Compare(a.Name, b.Name) })
	budget := &errorBudget{left: maxErrors}
	for i := range all {
		all[i] = budget.wrap(all[i])
	}
	return rules.NewRules(all...)
}

// errorBudget lets the rules of one validation build at most left errors; past
// it, the first dropped error becomes a TOO_MANY_ERRORS note whose
// extensions.dropped counts the dropped ones (capErrors makes it the answer's
// last error).
type errorBudget struct {
	left    int
	dropped int
	note    *gqlerror.Error
}

func (b *errorBudget) wrap(rule core.Rule) core.Rule {
	return core.Rule{Name: rule.Name, RuleFunc: func(observers *core.Events, addError core.AddErrFunc) {
		rule.RuleFunc(observers, func(options ...core.ErrorOption) {
			switch {
			case b.left > 0:
				b.left--
				addError(options...)
			case b.note == nil:
				b.dropped = 1
				addError(func(err *gqlerror.Error) {
					err.Rule, err.Message = ruleMaxErrors, "more validation errors were dropped"
					err.Extensions = map[string]any{"dropped": b.dropped}
					b.note = err
				})
			default:
				b.dropped++
				b.note.Extensions["dropped"] = b.dropped
			}
		})
	}}
}

// shape is what the limits measure of a selection set: the deepest nesting of
// fields, and the number of aliased fields, fragments expanded.
type shape struct {
	depth   int
	aliases int
}

// aliasCap bounds alias counts, which grow exponentially with nested fragment
// spreads: any count past it is over every sensible limit anyway.
const aliasCap = 1 << 30

// measure returns the shape of an operation. Each fragment is measured once and its
// shape reused wherever it is spread, so the walk is linear in the document even when
// fragments spread each other many times; a fragment reached again while it is being
// measured (a cycle, which validation reports on its own) counts as empty.
func measure(doc *ast.QueryDocument, op *ast.OperationDefinition) shape {
	m := &measurer{doc: doc, memo: map[string]shape{}, visiting: map[string]bool{}}
	return m.selectionSet(op.SelectionSet)
}

type measurer struct {
	doc      *ast.QueryDocument
	memo     map[string]shape
	visiting map[string]bool
}

func (m *measurer) selectionSet(set ast.SelectionSet) shape {
	var s shape
	for _, sel := range set {
		var c shape
		switch sel := sel.(type) {
		case *ast.Field:
			c = m.selectionSet(sel.SelectionSet)
			// Introspection fields (__typename, __schema, __type) add no depth:
			// gqlparser's MaxIntrospectionDepth rule bounds those trees.
			if strings.HasPrefix(sel.Name, "__") {
				c.depth = 0
			} else {
				c.depth++
			}
			if sel.Alias != "" && sel.Alias != sel.Name {
				c.aliases = min(c.aliases+1, aliasCap)
			}
		case *ast.InlineFragment:
			c = m.selectionSet(sel.SelectionSet)
		case *ast.FragmentSpread:
			c = m.fragment(sel.Name)
		}
		s.depth = max(s.depth, c.depth)
		s.aliases = min(s.aliases+c.aliases, aliasCap)
	}
	return s
}

func (m *measurer) fragment(name string) shape {
	if s, ok := m.memo[name]; ok {
		return s
	}
	def := m.doc.Fragments.ForName(name)
	if def == nil || m.visiting[name] {
		return shape{}
	}
	m.visiting[name] = true
	s := m.selectionSet(def.SelectionSet)
	delete(m.visiting, name)
	m.memo[name] = s
	return s
}
