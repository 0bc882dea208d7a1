package atomicfile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
)

func TestWrite(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "f.txt")
	if err := os.WriteFile(path, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	write := func(s string) func(io.Writer) error {
		return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
	}
	boom := errors.New("boom")
	// A failed fill or check leaves the old file and no temporary one.
	if err := Write(path, func(w io.Writer) error { write("half")(w); return boom }, nil); !errors.Is(err, boom) {
		t.Errorf("fill error: %v", err)
	}
	var checked string
	if err := Write(path, write("new"), func(name string) error {
		b, _ := os.ReadFile(name)
		checked = string(b)
		return boom
	}); !errors.Is(err, boom) || checked != "new" {
		t.Errorf("check error: %v, check saw %q", err, checked)
	}
	if b, _ := os.ReadFile(path); string(b) != "old" {
		t.Errorf("after failures the file holds %q, want old", b)
	}
	if err := Write(path, write("new"), nil); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "new" {
		t.Errorf("file holds %q, want new", b)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("%d files in the directory, want 1 (no temporary file left)", len(entries))
	}
}
