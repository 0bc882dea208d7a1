package graph

import (
	"context"
	"fmt"

	"github.com/corridor-kg/corridor/domain"
	"github.com/corridor-kg/corridor/graph/model"
	"github.com/corridor-kg/corridor/internal/sourcetext"
)

// sourceClaims returns every claim quoting the source, in the order of the nodes
// the store relates to it and, within a node, of domain.Claims.
func sourceClaims(ctx context.Context, sourceID string) ([]*model.Claim, error) {
	nodes, err := loadRelated[domain.Node](ctx, sourceID, domain.TraverseSourceClaims)
	if err != nil {
		return nil, err
	}
	claims := []*model.Claim{}
	for _, n := range nodes {
		claims = append(claims, model.ClaimsOf(n, sourceID)...)
	}
	return claims, nil
}

// sourceText returns the source's text when the server has it (Config.SourceTexts).
func (r *Resolver) sourceText(ctx context.Context, s *domain.Source) (string, bool, error) {
	if r.cfg.SourceTexts == nil {
		return "", false, nil
	}
	text, ok, err := r.cfg.SourceTexts.SourceText(ctx, s)
	if err != nil {
		return "", false, fmt.Errorf("text of %s: %w", s.ID, err)
	}
	return text, ok, nil
}

// servedText is Source.text: the whole text only when the operator serves texts.
func (r *Resolver) servedText(ctx context.Context, s *domain.Source) (*string, error) {
	if !r.cfg.ServeSourceText {
		return nil, nil
	}
	text, ok, err := r.sourceText(ctx, s)
	if err != nil || !ok {
		return nil, err
	}
	return &text, nil
}

// passages is Source.passages: one passage per distinct quote, placed in the
// source's text when the server has it, with the sentence around it and the
// claims citing it.
func (r *Resolver) passages(ctx context.Context, s *domain.Source) ([]*model.Passage, error) {
	claims, err := sourceClaims(ctx, s.ID)
	if err != nil {
		return nil, err
	}
	text, _, err := r.sourceText(ctx, s)
	if err != nil {
		return nil, err
	}
	quotes := make([]string, len(claims))
	byKey := map[string][]*model.Claim{}
	for i, c := range claims {
		quotes[i] = c.Quote
		k := sourcetext.Key(c.Quote)
		byKey[k] = append(byKey[k], c)
	}
	out := []*model.Passage{}
	for _, p := range sourcetext.Passages(text, quotes) {
		mp := &model.Passage{Quote: p.Quote, Claims: byKey[p.Key]}
		if p.Found {
			sentence, highlight := contextOf(text, p)
			mp.Context = &sentence
			mp.Highlight = highlight
			mp.Position = utf16Range(text, p.Position)
		}
		out = append(out, mp)
	}
	return out, nil
}

// contextOf returns the passage's sentence, with "…" where it was cut, and the
// quote's range in it.
func contextOf(text string, p sourcetext.Passage) (string, *model.TextRange) {
	s := text[p.Context.Start:p.Context.End]
	r := domain.TextRange{Start: p.Position.Start - p.Context.Start, End: p.Position.End - p.Context.Start}
	if p.CutStart {
		s = "…" + s
		r.Start += len("…")
		r.End += len("…")
	}
	if p.CutEnd {
		s += "…"
	}
	return s, utf16Range(s, r)
}

// utf16Range converts a byte range of s to UTF-16 offsets (nil if it is empty).
func utf16Range(s string, r domain.TextRange) *model.TextRange {
	if rs := utf16Ranges(s, []domain.TextRange{r}); len(rs) == 1 {
		return rs[0]
	}
	return nil
}
