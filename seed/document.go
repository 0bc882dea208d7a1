package seed

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/corridor-kg/corridor/domain"
)

// ImportOptions tunes LoadJSON and LoadCSV.
type ImportOptions struct {
	// SeedsDir is the directory of the source texts; quotes citing a source whose
	// file is there are checked against it. Empty: quotes are not checked.
	SeedsDir string
}

// documentKeys maps each list key of a JSON dataset document to its kind: the
// data file names without ".yaml" ("persons", "organizations", …).
var documentKeys = func() map[string]domain.Kind {
	m := map[string]domain.Kind{}
	for name, k := range kindFiles {
		m[strings.TrimSuffix(name, ".yaml")] = k
	}
	return m
}()

// documentInfoKeys are the optional dataset-level keys of a JSON document.
var documentInfoKeys = []string{"version", "title", "license"}

// LoadJSON reads a dataset document: one JSON object whose keys are the data
// file names without ".yaml" ("persons", "organizations", "commitments", …),
// each a list of records with the fields of FORMAT.md, and optionally "version",
// "title" and "license". It validates every record as Load does, against the
// stored graph (references may point at stored nodes; stored may be nil), and
// returns the records as a dataset or ValidationErrors naming file, line, column,
// record and field. Sources need no file. Being YAML's parser, it also reads a
// YAML document of the same shape.
func LoadJSON(ctx context.Context, file string, data []byte, stored Graph, opts ImportOptions) (*domain.Dataset, error) {
	if stored == nil {
		stored = emptyGraph{}
	}
	l := newLoader()
	l.stored, l.columns = stored, true
	doc, err := parseYAML(data)
	if err != nil {
		line, col := 0, 0
		if m := yamlLineRE.FindStringSubmatch(err.Error()); m != nil {
			line, _ = strconv.Atoi(m[1])
		}
		return nil, ValidationErrors{{File: file, Line: line, Column: col, Message: fmt.Sprintf("not valid JSON: %v", err)}}
	}
	if doc == nil || len(doc.Content) == 0 {
		return nil, ValidationErrors{{File: file, Message: "empty: expected a JSON object with lists of records"}}
	}
	root := doc.Content[0]
	if a := findAlias(root); a != nil {
		return nil, ValidationErrors{{File: file, Line: a.Line, Column: a.Column, Message: "YAML aliases are not supported"}}
	}
	r := &record{l: l, file: file}
	allowed := slices.Concat(documentInfoKeys, sortedKeys(documentKeys))
	o := r.object(root, "", allowed)
	version := o.str("version")
	for _, key := range sortedKeys(documentKeys) {
		for i, n := range o.seq(key) {
			if err := ctx.Err(); err != nil {
				return nil, fmt.Errorf("seed: loading %s: %w", file, err)
			}
			l.loadRecord(file, documentKeys[key], i, n)
		}
	}
	o.str("title")
	o.str("license")
	if err := l.finish(ctx, opts.SeedsDir, opts.SeedsDir == ""); err != nil {
		return nil, withinFile(err, data)
	}
	l.ds.Version = version
	return l.ds, nil
}

// withinFile moves the errors YAML's parser places past the end of data (an
// empty document after "---", say) to its last line.
func withinFile(err error, data []byte) error {
	var verrs ValidationErrors
	if !errors.As(err, &verrs) {
		return err
	}
	lines := lineCount(data)
	for i := range verrs {
		if verrs[i].Line > lines {
			verrs[i].Line, verrs[i].Column = lines, 0
		}
	}
	return verrs
}

// lineCount returns the number of lines of data as YAML (and editors) count
// them: lines end at "\n", "\r\n" or a lone "\r".
func lineCount(data []byte) int {
	return bytes.Count(data, []byte("\n")) + bytes.Count(data, []byte("\r")) - bytes.Count(data, []byte("\r\n")) + 1
}

// yamlPos is a position for a synthesised YAML node.
func yamlPos(n *yaml.Node, line, col int) *yaml.Node {
	n.Line, n.Column = line, col
	return n
}

// ReadImport reads the files of an import from a file or a directory: a .json
// file (a dataset document, see LoadJSON), a nodes.csv file (with the edges.csv
// beside it, if any), or a directory holding nodes.csv (and edges.csv) or one
// .json file. The batch names each part by its path, for messages.
func ReadImport(path string) (domain.ImportBatch, error) {
	var b domain.ImportBatch
	st, err := os.Stat(path)
	if err != nil {
		return b, fmt.Errorf("seed: import: %w", err)
	}
	dir, file := filepath.Dir(path), filepath.Base(path)
	if st.IsDir() {
		dir, file = path, ""
		if isFile(filepath.Join(dir, "nodes.csv")) {
			file = "nodes.csv"
		} else if m, _ := filepath.Glob(filepath.Join(dir, "*.json")); len(m) == 1 {
			file = filepath.Base(m[0])
		} else {
			return b, fmt.Errorf("seed: import: %s holds neither nodes.csv nor exactly one .json file", path)
		}
	}
	full := filepath.Join(dir, file)
	switch {
	case strings.HasSuffix(file, ".json"):
		b.JSONName = full
		b.JSON, err = os.ReadFile(full)
	case file == "nodes.csv":
		b.NodesName, b.EdgesName = full, filepath.Join(dir, "edges.csv")
		if b.NodesCSV, err = os.ReadFile(full); err == nil && isFile(b.EdgesName) {
			b.EdgesCSV, err = os.ReadFile(b.EdgesName)
		}
	default:
		return b, fmt.Errorf("seed: import: %s: expected a .json file, nodes.csv or a directory", path)
	}
	if err != nil {
		return b, fmt.Errorf("seed: import: %w", err)
	}
	return b, nil
}

func isFile(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.Mode().IsRegular()
}
