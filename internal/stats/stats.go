// Package stats sums and orders the groups of domain.Explorer.CommitmentStats,
// for both stores: each store groups the commitments its own way, and both
// total their amounts and order the groups here.
package stats

import (
	"cmp"
	"slices"
	"strings"

	"github.com/corridor-kg/corridor/domain"
)

// SumAmounts totals the amounts of the commitments by currency, in currency order.
// Commitments without an amount are not counted.
func SumAmounts(cs []*domain.Commitment) []domain.AmountSum {
	t := amountTotals{}
	for _, c := range cs {
		if c.Amount != nil {
			t.add(c.Amount)
		}
	}
	return t.list()
}

// SumAmountList totals amounts by currency, in currency order: SumAmounts for a
// store that reads the amounts without their commitments.
func SumAmountList(as []domain.Amount) []domain.AmountSum {
	t := amountTotals{}
	for i := range as {
		t.add(&as[i])
	}
	return t.list()
}

// amountTotals accumulates AmountSums by currency.
type amountTotals map[string]*domain.AmountSum

func (t amountTotals) add(a *domain.Amount) {
	s := t[a.Currency]
	if s == nil {
		s = &domain.AmountSum{Currency: a.Currency}
		t[a.Currency] = s
	}
	s.Count++
	s.Min += a.Value
	if a.MaxValue != nil {
		s.Max += *a.MaxValue
		s.Ranged = true
	} else {
		s.Max += a.Value
	}
	s.Approximate = s.Approximate || a.Approximate
}

// list returns the sums in currency order.
func (t amountTotals) list() []domain.AmountSum {
	out := make([]domain.AmountSum, 0, len(t))
	for _, s := range t {
		out = append(out, *s)
	}
	slices.SortFunc(out, func(a, b domain.AmountSum) int { return strings.Compare(a.Currency, b.Currency) })
	return out
}

// FirstGroups returns the first `first` of sorted groups (all of them when
// first is 0).
func FirstGroups(gs []domain.StatGroup, first int) []domain.StatGroup {
	if first > 0 && len(gs) > first {
		return gs[:first:first]
	}
	return gs
}

// SortGroups orders groups by count, largest first, then key.
func SortGroups(gs []domain.StatGroup) {
	slices.SortFunc(gs, func(a, b domain.StatGroup) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), strings.Compare(a.Key, b.Key))
	})
}
