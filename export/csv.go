package export

import (
	"archive/zip"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

// CSV file names inside the zip.
const (
	csvNodes    = "nodes.csv"
	csvEdges    = "edges.csv"
	csvMetadata = "metadata.csv"
	csvReadme   = "README.txt"
)

// WriteCSV writes g as a zip of CSV tables: nodes.csv (one row per node, one
// column per attribute), edges.csv (one row per relationship), metadata.csv
// (dataset version, export time, counts) and README.txt describing every column.
// The tables are UTF-8 without a byte-order mark, with a header row, CRLF line
// ends and RFC 4180 quoting; lists are joined with ListSeparator, evidence
// lists with EvidenceSeparator.
func WriteCSV(ctx context.Context, w io.Writer, g *Snapshot, opts Options) error {
	if err := g.check(); err != nil {
		return err
	}
	at := opts.exportedAt()
	zw := zip.NewWriter(w)
	create := func(name string) (io.Writer, error) {
		f, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: at})
		if err != nil {
			return nil, fmt.Errorf("export: writing CSV zip entry %s: %w", name, err)
		}
		return f, nil
	}

	f, err := create(csvReadme)
	if err != nil {
		return err
	}
	if _, err := io.WriteString(f, csvReadmeText(g, at)); err != nil {
		return fmt.Errorf("export: writing %s: %w", csvReadme, err)
	}

	f, err = create(csvMetadata)
	if err != nil {
		return err
	}
	if err := writeTable(ctx, f, csvMetadata, []string{"key", "value"}, func(emit func([]string) error) error {
		for _, kv := range [][]string{
			{"dataset_version", g.Version},
			{"exported_at", at.Format(time.RFC3339)},
			{"generator", Generator},
			{"nodes", strconv.Itoa(len(g.Nodes))},
			{"edges", strconv.Itoa(len(g.Edges))},
			{"list_separator", ListSeparator},
			{"evidence_separator", EvidenceSeparator},
		} {
			if err := emit(kv); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		return err
	}

	f, err = create(csvNodes)
	if err != nil {
		return err
	}
	header := []string{"id"}
	for _, c := range nodeHeadColumns {
		header = append(header, c.name)
	}
	for _, c := range nodeColumns {
		header = append(header, c.name)
	}
	for _, c := range evidenceColumns {
		header = append(header, c.name)
	}
	if err := writeTable(ctx, f, csvNodes, header, func(emit func([]string) error) error {
		r := newRow()
		rec := make([]string, len(header))
		for _, n := range g.Nodes {
			r.fill(n)
			rec = append(rec[:0], n.NodeID(), string(n.NodeKind()), n.Label())
			for i := range nodeColumns {
				rec = append(rec, r[i].text())
			}
			rec = append(rec, evidenceCells(nodeEvidence(n))...)
			if err := emit(rec); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		return err
	}

	f, err = create(csvEdges)
	if err != nil {
		return err
	}
	header = []string{"id", "source", "target", "type", "label"}
	for _, c := range evidenceColumns {
		header = append(header, c.name)
	}
	if err := writeTable(ctx, f, csvEdges, header, func(emit func([]string) error) error {
		for _, e := range g.Edges {
			rec := append([]string{e.ID, e.From, e.To, string(e.Type), e.Label}, evidenceCells(e.Evidence)...)
			if err := emit(rec); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		return err
	}

	if err := zw.Close(); err != nil {
		return fmt.Errorf("export: finishing CSV zip: %w", err)
	}
	return nil
}

// writeTable writes a header and the rows rows emits as CSV to w, checking the
// context every checkEvery rows.
func writeTable(ctx context.Context, w io.Writer, name string, header []string, rows func(emit func([]string) error) error) error {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	n := 0
	emit := func(rec []string) error {
		n++
		if n%checkEvery == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		for i, v := range rec {
			rec[i] = validUTF8(v)
		}
		return cw.Write(rec)
	}
	err := emit(header)
	if err == nil {
		err = rows(emit)
	}
	if err == nil {
		cw.Flush()
		err = cw.Error()
	}
	if err == nil {
		err = ctx.Err()
	}
	if err != nil {
		return fmt.Errorf("export: writing %s: %w", name, err)
	}
	return nil
}

// csvReadmeText describes the zip's files and columns.
func csvReadmeText(g *Snapshot, at time.Time) string {
	var b strings.Builder
	line := func(format string, args ...any) { fmt.Fprintf(&b, format+"\r\n", args...) }
	line("Corridor export: CSV tables")
	line("===========================")
	line("")
	line("%s", description(g, at))
	line("")
	line("Files")
	line("  %s  one row per node", csvNodes)
	line("  %s  one row per relationship (source -> target)", csvEdges)
	line("  %s  dataset version, export time, counts", csvMetadata)
	line("")
	line("Format: UTF-8 (no byte-order mark), comma-separated, header row, CRLF line ends,")
	line("fields quoted as RFC 4180 says (quotes and line breaks inside a field are kept).")
	line("An empty field is an absent value: unknown stays unknown. Lists (aliases,")
	line("documents signed) are joined with %q; the evidence columns with %q.", ListSeparator, EvidenceSeparator)
	line("Evidence lists are aligned: the n-th source and attribution belong to the n-th")
	line("quote. Every quote is verbatim from its source.")
	line("Spreadsheets: import as UTF-8 (Excel: Data > From Text/CSV, File origin 65001: Unicode (UTF-8)).")
	line("")
	line("%s columns", csvNodes)
	line("  id  stable node ID, <kind>:<slug> (org: for organizations)")
	for _, c := range nodeHeadColumns {
		line("  %s  %s", c.name, c.doc)
	}
	for _, c := range nodeColumns {
		line("  %s  %s", c.name, c.doc)
	}
	for _, c := range evidenceColumns {
		line("  %s  %s", c.name, c.doc)
	}
	line("")
	line("%s columns", csvEdges)
	line("  id  %s", edgeHeadColumns[0].doc)
	line("  source  ID of the node the relationship leaves")
	line("  target  ID of the node it points to")
	for _, c := range edgeHeadColumns[1:] {
		line("  %s  %s", c.name, c.doc)
	}
	for _, c := range evidenceColumns {
		line("  %s  %s", c.name, c.doc)
	}
	line("")
	line("Data licence: CC BY 4.0 (see the Corridor repository). Cite the dataset version.")
	return b.String()
}
