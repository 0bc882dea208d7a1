package export

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"time"
	"unicode/utf8"
)

// Generator names the program in every export's metadata.
const Generator = "Corridor"

// Options tunes a writer.
type Options struct {
	// ExportedAt is the export time written into the file; zero means now.
	ExportedAt time.Time
}

// exportedAt returns the export time in UTC, to the second.
func (o Options) exportedAt() time.Time {
	t := o.ExportedAt
	if t.IsZero() {
		t = time.Now()
	}
	return t.UTC().Truncate(time.Second)
}

// WriteFunc writes a graph to w in one format.
type WriteFunc func(ctx context.Context, w io.Writer, g *Snapshot, opts Options) error

// Format is one export format.
type Format struct {
	// Name is the format's name in URLs and on the command line ("graphml").
	Name string
	// Ext is the file name extension, without the dot.
	Ext string
	// ContentType is the HTTP media type of the output.
	ContentType string
	// Write writes a graph in this format.
	Write WriteFunc
}

// formats lists the export formats in the order documentation shows them.
var formats = []Format{
	{Name: "graphml", Ext: "graphml", ContentType: "application/graphml+xml", Write: WriteGraphML},
	{Name: "gexf", Ext: "gexf", ContentType: "application/gexf+xml", Write: WriteGEXF},
	{Name: "csv", Ext: "zip", ContentType: "application/zip", Write: WriteCSV},
	{Name: "json", Ext: "json", ContentType: "application/json", Write: WriteJSON},
	{Name: "cypher", Ext: "cypher", ContentType: "text/plain; charset=utf-8", Write: WriteCypher},
}

// Formats returns every export format.
func Formats() []Format { return append([]Format(nil), formats...) }

// Lookup returns the format with the given name.
func Lookup(name string) (Format, bool) {
	for _, f := range formats {
		if f.Name == name {
			return f, true
		}
	}
	return Format{}, false
}

// checkEvery is how many items a writer writes between two context checks.
const checkEvery = 256

// stream is a buffered writer that keeps the first error, so writers can emit
// many small pieces and check once.
type stream struct {
	ctx context.Context
	bw  *bufio.Writer
	err error
	n   int // items written, for periodic context checks
}

func newStream(ctx context.Context, w io.Writer) *stream {
	return &stream{ctx: ctx, bw: bufio.NewWriterSize(w, 64<<10)}
}

func (s *stream) str(v string) {
	if s.err == nil {
		_, s.err = s.bw.WriteString(v)
	}
}

func (s *stream) byte(c byte) {
	if s.err == nil {
		s.err = s.bw.WriteByte(c)
	}
}

// item counts one node or edge and checks the context every checkEvery items.
func (s *stream) item() {
	s.n++
	if s.n%checkEvery == 0 && s.err == nil {
		s.err = s.ctx.Err()
	}
}

// finish flushes the buffer and returns the first error, wrapped with what was
// being written.
func (s *stream) finish(what string) error {
	if s.err == nil {
		s.err = s.ctx.Err()
	}
	if s.err == nil {
		s.err = s.bw.Flush()
	}
	if s.err != nil {
		return fmt.Errorf("export: writing %s: %w", what, s.err)
	}
	return nil
}

// xml writes v escaped for XML text or a double-quoted attribute value. Line
// breaks and tabs become character references so attribute values keep them;
// characters XML 1.0 cannot hold (most control characters, invalid UTF-8)
// become U+FFFD.
func (s *stream) xml(v string) {
	if s.err != nil {
		return
	}
	last := 0
	for i := 0; i < len(v); {
		r, size := utf8.DecodeRuneInString(v[i:])
		var esc string
		switch {
		case r == '&':
			esc = "&amp;"
		case r == '<':
			esc = "&lt;"
		case r == '>':
			esc = "&gt;"
		case r == '"':
			esc = "&quot;"
		case r == '\'':
			esc = "&apos;"
		case r == '\n':
			esc = "&#xA;"
		case r == '\r':
			esc = "&#xD;"
		case r == '\t':
			esc = "&#x9;"
		case r == utf8.RuneError && size == 1, !xmlChar(r):
			esc = "\uFFFD"
		default:
			i += size
			continue
		}
		s.str(v[last:i])
		s.str(esc)
		i += size
		last = i
	}
	s.str(v[last:])
}

// xmlChar reports whether r may appear in an XML 1.0 document.
func xmlChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
}

// description is the one-line description of an export.
func description(g *Snapshot, at time.Time) string {
	d := fmt.Sprintf("Corridor knowledge graph of China–Pakistan IT cooperation (actors and commitments): dataset version %s, exported %s; %d nodes, %d edges.",
		g.Version, at.Format(time.RFC3339), len(g.Nodes), len(g.Edges))
	if g.Truncated {
		d += " Truncated: the neighbourhood limit left nodes out."
	}
	return d
}
