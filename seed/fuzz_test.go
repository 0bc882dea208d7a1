package seed

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"testing/fstest"
)

// FuzzLoad feeds arbitrary bytes to Load as one data file (its kind chosen by
// the fuzzer) beside a valid dataset.yaml. Load must never panic, and must return
// either a dataset or ValidationErrors that each name a file.
func FuzzLoad(f *testing.F) {
	names := make([]string, 0, len(kindFiles))
	for name := range kindFiles {
		names = append(names, name)
	}
	slices.Sort(names)
	for i, name := range names {
		if data, err := os.ReadFile(filepath.Join(validDir, name)); err == nil {
			f.Add(uint8(i), data)
		}
	}
	f.Add(uint8(0), []byte("- id: commitment:x\n  kind: [\n"))
	f.Add(uint8(1), []byte("a: &a [*a]\n"))
	f.Add(uint8(2), []byte("- {id: person:a, name: A, evidence: [{source: source:s, quote: q, attribution: ARTICLE}]}\n---\n- x\n"))
	f.Add(uint8(3), []byte("- id: meeting:m\n  participants: [{actor: person:x, evidence: 3}]\n  documentsSigned: {}\n  sequence: -1\n"))
	f.Add(uint8(4), []byte("\xff\xfe- id: x\n"))
	dataset := []byte("version: \"0.0.1\"\n")
	f.Fuzz(func(t *testing.T, which uint8, data []byte) {
		name := names[int(which)%len(names)]
		fsys := fstest.MapFS{
			datasetFile: &fstest.MapFile{Data: dataset},
			name:        &fstest.MapFile{Data: data},
		}
		for _, opts := range []Options{{SkipQuoteCheck: true}, {SeedsDir: seedsDir}} {
			ds, err := Load(context.Background(), fsys, opts)
			if (ds == nil) == (err == nil) {
				t.Fatalf("Load returned dataset %v and error %v: want exactly one", ds != nil, err)
			}
			if err == nil {
				continue
			}
			var verrs ValidationErrors
			if !errors.As(err, &verrs) {
				t.Fatalf("Load error is not ValidationErrors: %v", err)
			}
			for _, e := range verrs {
				if e.File == "" || e.Message == "" {
					t.Fatalf("error without a file or message: %#v", e)
				}
			}
		}
	})
}
