package graph

import (
	"context"
	"errors"
	"math"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/corridor-kg/corridor/domain"
)

// complexityLimit refuses operations whose complexity is over limit, before any
// resolver runs. It replaces gqlgen's extension.FixedComplexityLimit, whose walk
// (complexity.Calculate) expands every fragment spread anew: a fragment that
// spreads the next one twice doubles the work at each level, and 40 such
// fragments (1.6 KB) never finish. This walk prices each fragment once per
// operation and reuses the price wherever it is spread, so it is linear in the
// document; prices are the same as gqlgen's (the generated Complexity functions
// for the fields that have one, 1 plus the selection otherwise, the most
// expensive implementation for a field of an interface) and a test holds the two
// equal.
//
// The stats are recorded under gqlgen's own extension name, so
// extension.GetComplexityStats reads them as before.
type complexityLimit struct {
	limit int
	es    graphql.ExecutableSchema
}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = (*complexityLimit)(nil)

// complexityExtension is gqlgen's name for its complexity extension and stats.
const complexityExtension = "ComplexityLimit"

func (*complexityLimit) ExtensionName() string { return complexityExtension }

func (c *complexityLimit) Validate(es graphql.ExecutableSchema) error {
	if c.limit <= 0 {
		return errors.New("complexity limit must be positive")
	}
	c.es = es
	return nil
}

// MutateOperationContext prices the operation and refuses it with
// COMPLEXITY_LIMIT_EXCEEDED when the price is over the limit.
func (c *complexityLimit) MutateOperationContext(ctx context.Context, opCtx *graphql.OperationContext) *gqlerror.Error {
	cost, over := operationCost(ctx, c.es, opCtx.Operation, opCtx.Variables, c.limit)
	opCtx.Stats.SetExtension(complexityExtension, &extension.ComplexityStats{Complexity: cost, ComplexityLimit: c.limit})
	if !over {
		return nil
	}
	err := gqlerror.Errorf("operation has complexity over %d, the limit (CORRIDOR_MAX_COMPLEXITY): ask for fewer items (first, limit, maxHops) or fewer fields", c.limit)
	err.Extensions = map[string]any{"code": domain.ECOMPLEXITY}
	return err
}

// operationCost returns the complexity of op and whether it is over limit; over
// the limit, the cost returned is limit+1.
//
// Every price is capped at limit+1. Prices only grow with the price of their
// selection (a list multiplies it by a count, which may be 0), so the cap changes
// no verdict, and it lets the walk stop pricing a selection set as soon as its
// total reaches the cap. It also keeps the Complexity functions' products far
// from overflow: an overflowed product could wrap around to a small price.
func operationCost(ctx context.Context, es graphql.ExecutableSchema, op *ast.OperationDefinition, vars map[string]any, limit int) (cost int, over bool) {
	if op == nil {
		return 0, false
	}
	w := costWalker{ctx: ctx, es: es, schema: es.Schema(), vars: vars, cap: saturatingAdd(limit, 1)}
	cost = w.selectionSet(op.SelectionSet)
	return cost, cost > limit
}

// costWalker prices selections; fragments holds the price of each fragment
// already priced in this operation (made on the first), and cap is the highest
// price it gives.
type costWalker struct {
	ctx       context.Context
	es        graphql.ExecutableSchema
	schema    *ast.Schema
	vars      map[string]any
	cap       int
	fragments map[*ast.FragmentDefinition]int
}

func (w *costWalker) selectionSet(set ast.SelectionSet) int {
	var total int
	for _, sel := range set {
		if total = min(saturatingAdd(total, w.selection(sel)), w.cap); total == w.cap {
			break
		}
	}
	return total
}

func (w *costWalker) selection(sel ast.Selection) int {
	switch s := sel.(type) {
	case *ast.Field:
		return w.field(s)
	case *ast.InlineFragment:
		return w.selectionSet(s.SelectionSet)
	case *ast.FragmentSpread:
		if s.Definition == nil {
			return 0
		}
		if c, ok := w.fragments[s.Definition]; ok {
			return c
		}
		// Validation has refused cycles, so this recursion ends.
		c := w.selectionSet(s.Definition.SelectionSet)
		if w.fragments == nil {
			w.fragments = map[*ast.FragmentDefinition]int{}
		}
		w.fragments[s.Definition] = c
		return c
	}
	return 0
}

// field prices one field as gqlgen's complexity.Calculate does.
func (w *costWalker) field(f *ast.Field) int {
	if f.Definition == nil || f.ObjectDefinition == nil {
		return 0
	}
	def := w.schema.Types[f.Definition.Type.Name()]
	if def == nil || def.Name == "__Schema" {
		return 0
	}
	var child int
	switch def.Kind {
	case ast.Object, ast.Interface, ast.Union:
		child = w.selectionSet(f.SelectionSet)
	}
	// A field without arguments has none to read (ArgumentMap would make an
	// empty map for each).
	var args map[string]any
	if len(f.Definition.Arguments) > 0 {
		args = f.ArgumentMap(w.vars)
	}
	if f.ObjectDefinition.Kind != ast.Interface {
		return min(w.fieldOf(f.ObjectDefinition, f.Name, child, args), w.cap)
	}
	// An interface's field costs what its most expensive implementation costs.
	var most int
	for _, t := range w.schema.GetPossibleTypes(f.ObjectDefinition) {
		most = max(most, w.fieldOf(t, f.Name, child, args))
	}
	return min(most, w.cap)
}

// fieldOf prices field of type t: its Complexity function when it has one that
// returns at least 1, else 1 plus its selection.
func (w *costWalker) fieldOf(t *ast.Definition, field string, child int, args map[string]any) int {
	if c, ok := w.es.Complexity(w.ctx, t.Name, field, child, args); ok && c >= 1 {
		return c
	}
	return saturatingAdd(1, child)
}

// saturatingAdd adds two non-negative prices, stopping at math.MaxInt instead of
// overflowing; a negative operand (a Complexity function's mistake) counts as 0.
func saturatingAdd(a, b int) int {
	a, b = max(a, 0), max(b, 0)
	if a > math.MaxInt-b {
		return math.MaxInt
	}
	return a + b
}
