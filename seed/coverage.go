package seed

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/corridor-kg/corridor/domain"
)

// CoverageFile is how errors of CheckCoverage name the coverage file.
const CoverageFile = "seed/COVERAGE.md"

// coverageSection is one "## <file>" section of the coverage file.
type coverageSection struct {
	name  string
	line  int
	lines []coverageLine
}

// coverageLine is one "> " line of the article and where it is.
type coverageLine struct {
	line int
	text string // normalised
}

// CheckCoverage checks seed/COVERAGE.md (see FORMAT.md, "Coverage") against the
// dataset and the articles in seedsDir: every article has a section; in each
// section the "> " lines, joined with single spaces, are the whole
// whitespace-normalised article; each "> " line is followed by a "- " line that
// names existing record IDs in backticks or says "not modelled: <why>". It
// returns ValidationErrors naming the coverage file's lines, or nil.
func CheckCoverage(coverageMarkdown []byte, ds *domain.Dataset, seedsDir string) error {
	ids := map[string]bool{}
	var allIDs []string
	for _, n := range ds.Nodes() {
		ids[n.NodeID()] = true
		allIDs = append(allIDs, n.NodeID())
	}
	slices.Sort(allIDs)

	var errs ValidationErrors
	report := func(line int, section, format string, args ...any) {
		errs = append(errs, ValidationError{File: CoverageFile, Line: line, Record: section, Message: fmt.Sprintf(format, args...)})
	}

	var sections []*coverageSection
	var cur *coverageSection
	pending := 0 // line of a "> " line still waiting for its "- " line
	closePending := func() {
		if pending > 0 {
			report(pending, cur.name, "this \"> \" line has no \"- \" line after it (record IDs in backticks, or \"not modelled: <why>\")")
			pending = 0
		}
	}
	for i, raw := range strings.Split(string(coverageMarkdown), "\n") {
		ln := i + 1
		line := strings.TrimRight(raw, "\r")
		switch {
		case strings.HasPrefix(line, "## "):
			if cur != nil {
				closePending()
			}
			name := strings.Trim(strings.TrimSpace(line[3:]), "`")
			for _, s := range sections {
				if s.name == name {
					report(ln, name, "a second section for this article (the first is at line %d)", s.line)
				}
			}
			cur = &coverageSection{name: name, line: ln}
			sections = append(sections, cur)
		case cur == nil || strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "":
			// Text before the first section, other headings and blank lines are free.
		case strings.HasPrefix(line, ">"):
			closePending()
			text := Normalize(strings.TrimPrefix(line, ">"))
			if text == "" {
				report(ln, cur.name, "an empty \"> \" line; every \"> \" line holds a sentence of the article")
				continue
			}
			cur.lines = append(cur.lines, coverageLine{line: ln, text: text})
			pending = ln
		case strings.HasPrefix(line, "-"):
			if pending == 0 {
				report(ln, cur.name, "a \"- \" line must follow a \"> \" line")
				continue
			}
			pending = 0
			checkCoverageTargets(strings.TrimSpace(strings.TrimPrefix(line, "-")), func(format string, args ...any) {
				report(ln, cur.name, format, args...)
			}, ids, allIDs)
		default:
			report(ln, cur.name, "unexpected line in a section: expected \"> <sentence>\" or \"- <record IDs>\"")
		}
	}
	if cur != nil {
		closePending()
	}

	articles, err := articleFiles(seedsDir)
	if err != nil {
		return err
	}
	for _, s := range sections {
		if !slices.Contains(articles, s.name) {
			report(s.line, s.name, "no such article in %s", seedsDir)
			continue
		}
		data, err := os.ReadFile(filepath.Join(seedsDir, s.name))
		if err != nil {
			return fmt.Errorf("seed: reading article %s: %w", s.name, err)
		}
		compareCoverage(s, Normalize(string(data)), func(line int, format string, args ...any) {
			report(line, s.name, format, args...)
		})
	}
	for _, a := range articles {
		if !slices.ContainsFunc(sections, func(s *coverageSection) bool { return s.name == a }) {
			report(0, a, "no section \"## %s\"; every article needs one", a)
		}
	}
	if len(errs) > 0 {
		errs.sort()
		return errs
	}
	return nil
}

// checkCoverageTargets checks the text of a "- " line: "not modelled: <why>" or
// backticked, comma-separated record IDs that exist.
func checkCoverageTargets(rest string, report func(string, ...any), ids map[string]bool, allIDs []string) {
	if after, ok := strings.CutPrefix(rest, "not modelled"); ok {
		why, ok := strings.CutPrefix(after, ":")
		if !ok || strings.TrimSpace(why) == "" {
			report("write \"not modelled: <why>\" with the reason")
		}
		return
	}
	if rest == "" {
		report("an empty \"- \" line: name record IDs in backticks, or write \"not modelled: <why>\"")
		return
	}
	for _, part := range strings.Split(rest, ",") {
		part = strings.TrimSpace(part)
		if len(part) < 3 || !strings.HasPrefix(part, "`") || !strings.HasSuffix(part, "`") {
			report("%q: expected a record ID in backticks, e.g. `person:anusha-rehman`", part)
			continue
		}
		id := part[1 : len(part)-1]
		if !ids[id] {
			msg := fmt.Sprintf("%q is not a record of the dataset", id)
			if s := nearest(id, allIDs); s != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", s)
			}
			report("%s", msg)
		}
	}
}

// compareCoverage walks the section's lines along the normalised article text and
// reports text that is missing, altered or left over.
func compareCoverage(s *coverageSection, text string, report func(int, string, ...any)) {
	pos := 0
	lost := false // the previous line was not found; the next resync says nothing more
	for _, cl := range s.lines {
		rest := text[pos:]
		if strings.HasPrefix(rest, cl.text) {
			pos += len(cl.text)
			lost = false
		} else if i := strings.Index(rest, cl.text); i >= 0 {
			if !lost {
				report(cl.line, "the article text before this line is missing from the section: %q", head(strings.TrimSpace(rest[:i]), 120))
			}
			pos += i + len(cl.text)
			lost = false
		} else {
			report(cl.line, "this line is not the article's text as written; from here the article reads %q", head(rest, 120))
			lost = true
			continue
		}
		if pos < len(text) {
			if text[pos] != ' ' {
				report(cl.line, "this line ends inside a word; the article goes on with %q", head(text[pos:], 40))
			} else {
				pos++
			}
		}
	}
	if pos < len(text) && !lost {
		report(s.line, "the end of the article is missing from the section: %q", head(text[pos:], 120))
	} else if lost {
		report(s.line, "the section does not match the article; fix the lines reported above")
	}
}

// articleFiles lists the article texts (*.txt) in seedsDir.
func articleFiles(seedsDir string) ([]string, error) {
	entries, err := os.ReadDir(seedsDir)
	if err != nil {
		return nil, fmt.Errorf("seed: listing articles: %w", err)
	}
	var names []string
	for _, e := range entries {
		if !e.IsDir() && strings.HasSuffix(e.Name(), ".txt") {
			names = append(names, e.Name())
		}
	}
	return names, nil
}
