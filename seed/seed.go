// Package seed holds Corridor's bundled dataset (readable YAML files with their
// sources, embedded in the binary) and its loader and validator.
//
// Load reads every data file, maps the records to domain types and refuses the
// whole dataset if anything is wrong: an unknown field, a malformed or repeated ID,
// a reference to a missing node or a node of the wrong kind, a claim without
// evidence, a quote that is not in its source text, an unknown enum value, an
// empty required field or a bad date. Every error names the file, the line, the
// record and the field. The format is specified in FORMAT.md beside this file.
package seed

import (
	"bytes"
	"context"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/corridor-kg/corridor/domain"
)

// Files holds the bundled dataset: data/dataset.yaml and one data/<kind>.yaml per node kind.
//
//go:embed data/*.yaml
var Files embed.FS

// SeedsDirEnv is the environment variable that names the directory of the article texts.
const SeedsDirEnv = "CORRIDOR_SEEDS_DIR"

// ErrNoSeedsDir is returned (wrapped) by FindSeedsDir, and so by Load with the
// quote check on, when the article texts cannot be found. A server may then load
// with SkipQuoteCheck and log a warning.
var ErrNoSeedsDir = errors.New("article texts (shared/seeds) not found")

// Options tunes Load.
type Options struct {
	// SeedsDir is the directory holding the source articles the quotes are checked
	// against. Empty means FindSeedsDir.
	SeedsDir string
	// SkipQuoteCheck skips reading the articles: quotes are not checked against them
	// and source files are not required to exist. The server uses it at start-up
	// when the texts are absent (and logs a warning).
	SkipQuoteCheck bool
	// PathPrefix is put before file paths in error messages, e.g. "seed/" so that
	// "data/persons.yaml" reads "seed/data/persons.yaml". When loading Files with an
	// empty PathPrefix, "seed/" is used.
	PathPrefix string
}

// DatasetInfo is what dataset.yaml says about the dataset as a whole.
type DatasetInfo struct {
	// Version of the dataset, e.g. "2026.11.0"; shown by Query.about and in exports.
	Version string
	// Title of the dataset.
	Title string
	// License of the dataset, as an SPDX identifier such as "CC-BY-4.0".
	License string
}

// datasetFile is the name of the metadata file.
const datasetFile = "dataset.yaml"

// kindFiles maps each data file name to the kind of node it holds.
var kindFiles = map[string]domain.Kind{
	"sources.yaml":       domain.KindSource,
	"countries.yaml":     domain.KindCountry,
	"persons.yaml":       domain.KindPerson,
	"organizations.yaml": domain.KindOrganization,
	"roles.yaml":         domain.KindRole,
	"meetings.yaml":      domain.KindMeeting,
	"commitments.yaml":   domain.KindCommitment,
	"projects.yaml":      domain.KindProject,
	"programmes.yaml":    domain.KindProgramme,
	"pillars.yaml":       domain.KindPillar,
	"figures.yaml":       domain.KindFigure,
}

// fileNames lists the recognised file names, for error messages.
func fileNames() string {
	names := []string{datasetFile}
	for _, k := range domain.Kinds {
		for name, fk := range kindFiles {
			if fk == k {
				names = append(names, name)
			}
		}
	}
	return strings.Join(names, ", ")
}

// Load reads every *.yaml file of fsys (at any depth), validates the whole
// dataset and returns it. On any problem it returns no dataset and an error
// that is, or wraps, ValidationErrors listing every problem found.
func Load(ctx context.Context, fsys fs.FS, opts Options) (*domain.Dataset, error) {
	prefix := pathPrefix(fsys, opts)
	seedsDir := ""
	if !opts.SkipQuoteCheck {
		seedsDir = opts.SeedsDir
		if seedsDir == "" {
			d, err := FindSeedsDir()
			if err != nil {
				return nil, fmt.Errorf("seed: cannot check quotes: %w (set %s, or skip the quote check)", err, SeedsDirEnv)
			}
			seedsDir = d
		}
	}
	var files []string
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".yaml") {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("seed: listing data files: %w", err)
	}
	l := newLoader()
	for _, p := range files {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("seed: loading: %w", err)
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return nil, fmt.Errorf("seed: reading %s: %w", p, err)
		}
		l.loadFile(prefix+p, path.Base(p), data)
	}
	if l.info == nil {
		l.errs = append(l.errs, ValidationError{File: prefix + datasetFile, Message: "missing: dataset.yaml holds the dataset version"})
	}
	if err := l.finish(ctx, seedsDir, opts.SkipQuoteCheck); err != nil {
		return nil, err
	}
	l.ds.Version = l.info.Version
	return l.ds, nil
}

// finish runs the checks that need every record (references, cycles, series
// numbers, quote lengths and, unless skipped, quotes against the texts in
// seedsDir) and returns the sorted ValidationErrors if there is any problem.
func (l *loader) finish(ctx context.Context, seedsDir string, skipQuotes bool) error {
	l.checkRefs()
	l.checkGraph()
	l.checkQuoteLengths()
	if !skipQuotes {
		if err := l.checkQuotes(ctx, seedsDir); err != nil {
			return err
		}
	}
	if len(l.errs) > 0 {
		l.errs.sort()
		return l.errs
	}
	return nil
}

// pathPrefix returns what to put before file paths in errors: opts.PathPrefix,
// or "seed/" for the embedded Files.
func pathPrefix(fsys fs.FS, opts Options) string {
	if e, ok := fsys.(embed.FS); ok && e == Files && opts.PathPrefix == "" {
		return "seed/"
	}
	return opts.PathPrefix
}

// ReadInfo reads dataset.yaml (at any depth of fsys) without loading the records.
func ReadInfo(fsys fs.FS) (DatasetInfo, error) {
	var found string
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && path.Base(p) == datasetFile && found == "" {
			found = p
		}
		return nil
	})
	if err != nil {
		return DatasetInfo{}, fmt.Errorf("seed: looking for %s: %w", datasetFile, err)
	}
	if found == "" {
		return DatasetInfo{}, fmt.Errorf("seed: no %s found", datasetFile)
	}
	data, err := fs.ReadFile(fsys, found)
	if err != nil {
		return DatasetInfo{}, fmt.Errorf("seed: reading %s: %w", found, err)
	}
	l := newLoader()
	l.loadFile(found, datasetFile, data)
	if len(l.errs) > 0 {
		return DatasetInfo{}, l.errs
	}
	return *l.info, nil
}

// Info returns what the embedded dataset.yaml says (version, title, license).
func Info() (DatasetInfo, error) { return ReadInfo(Files) }

// FindSeedsDir locates the directory of the source articles: $CORRIDOR_SEEDS_DIR
// if set, else ../shared/seeds relative to the working directory, else the first
// shared/seeds found in the working directory or one of its ancestors.
func FindSeedsDir() (string, error) {
	if d := os.Getenv(SeedsDirEnv); d != "" {
		if !isDir(d) {
			return "", fmt.Errorf("%w: %s=%q is not a directory", ErrNoSeedsDir, SeedsDirEnv, d)
		}
		return d, nil
	}
	wd, err := os.Getwd()
	if err != nil {
		return "", fmt.Errorf("finding the seeds directory: %w", err)
	}
	if d := filepath.Join(wd, "..", "shared", "seeds"); isDir(d) {
		return filepath.Clean(d), nil
	}
	for dir := wd; ; {
		if d := filepath.Join(dir, "shared", "seeds"); isDir(d) {
			return d, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			break
		}
		dir = parent
	}
	return "", fmt.Errorf("%w: no shared/seeds directory beside %s or any of its parents", ErrNoSeedsDir, wd)
}

func isDir(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}

// Normalize turns every run of Unicode whitespace (line breaks and U+00A0
// included) into one space and trims the ends. Quotes are compared with source
// texts after this normalisation.
func Normalize(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// parseYAML parses one YAML document into a node tree. It returns nil for an
// empty file. A second document, or a parser panic, is an error.
func parseYAML(data []byte) (doc *yaml.Node, err error) {
	defer func() {
		if r := recover(); r != nil {
			doc, err = nil, fmt.Errorf("YAML parser failed: %v", r)
		}
	}()
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var n yaml.Node
	if err := dec.Decode(&n); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, nil
		}
		return nil, err
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		return nil, fmt.Errorf("line %d: a data file holds one YAML document; remove the extra \"---\"", extra.Line)
	} else if !errors.Is(err, io.EOF) {
		return nil, err
	}
	return &n, nil
}
