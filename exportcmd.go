package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"

	"github.com/corridor-kg/corridor/domain"
	"github.com/corridor-kg/corridor/export"
	"github.com/corridor-kg/corridor/internal/atomicfile"
	"github.com/corridor-kg/corridor/store/bolt"
)

// exportFilterFlags are the filter flags of `corridor export`, named as the
// /export/ query parameters they stand for (see export.ParseFilter).
var exportFilterFlags = []string{"kinds", "ids", "around", "depth", "relationTypes", "limit"}

// exportCmd writes the graph of the configured store, or the part the filter
// flags select, to c.Arg ("-" for standard output) in the format c.Format: the
// files GET /export/{format} serves. A file is written beside its name and
// renamed into place once complete.
func exportCmd(ctx context.Context, c config, ds *domain.Dataset, stdout io.Writer) error {
	format, ok := export.Lookup(c.Format)
	if !ok {
		var names []string
		for _, f := range export.Formats() {
			names = append(names, f.Name)
		}
		return fmt.Errorf("--format must be one of %s, got %q", strings.Join(names, ", "), c.Format)
	}
	q := url.Values{}
	for name, v := range c.ExportFilter {
		if *v != "" {
			q.Set(name, *v)
		}
	}
	filter, err := export.ParseFilter(q)
	if err != nil {
		return fmt.Errorf("export: --%s: %s", domain.ErrorField(err), domain.ErrorMessage(err))
	}

	st, err := openStore(ctx, c, ds)
	if errors.Is(err, bolt.ErrLocked) {
		return fmt.Errorf("export: %w\na running server holds the store: download GET /export/%s from it instead", err, format.Name)
	}
	if err != nil {
		return err
	}
	defer st.close()
	g, err := export.Load(ctx, st.exportPorts(st.ports), filter)
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	if c.Arg == "-" {
		return format.Write(ctx, stdout, g, export.Options{})
	}
	err = atomicfile.Write(c.Arg, func(w io.Writer) error { return format.Write(ctx, w, g, export.Options{}) }, nil)
	if err != nil {
		return fmt.Errorf("export to %s: %w", c.Arg, err)
	}
	truncated := ""
	if g.Truncated {
		truncated = " (truncated at the limit)"
	}
	fmt.Fprintf(stdout, "exported %d nodes and %d edges of dataset %s to %s%s\n", len(g.Nodes), len(g.Edges), g.Version, c.Arg, truncated)
	return nil
}
