package domain

import "context"

// SourceTexts hands over the text of a source document, so that quoted passages
// can be shown in their context. The seed articles are read from the seeds
// directory (internal/sourcetext); a store that keeps curated sources' texts can
// implement it too. Whether a text is served whole is the caller's decision, not
// the implementation's: articles are not Corridor's to republish.
type SourceTexts interface {
	// SourceText returns the text of s and true, or false when there is none. The
	// error is for failures to read a text that should be there.
	SourceText(ctx context.Context, s *Source) (text string, ok bool, err error)
}
