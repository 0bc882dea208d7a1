// Package exporttest helps tests that need the files of an export.
package exporttest

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"testing"

	"github.com/corridor-kg/corridor/domain"
	"github.com/corridor-kg/corridor/export"
)

// CSVTables writes ds with the CSV exporter and returns its nodes.csv and
// edges.csv.
func CSVTables(tb testing.TB, ds *domain.Dataset) (nodes, edges []byte) {
	tb.Helper()
	var buf bytes.Buffer
	if err := export.WriteCSV(context.Background(), &buf, export.FromDataset(ds), export.Options{}); err != nil {
		tb.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		tb.Fatal(err)
	}
	read := func(name string) []byte {
		f, err := zr.Open(name)
		if err != nil {
			tb.Fatal(err)
		}
		defer f.Close()
		data, err := io.ReadAll(f)
		if err != nil {
			tb.Fatal(err)
		}
		return data
	}
	return read("nodes.csv"), read("edges.csv")
}
