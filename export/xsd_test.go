package export

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// Schemas used to validate the XML exports (see testdata/xsd/README.md).
var (
	graphMLSchema = filepath.Join("testdata", "xsd", "graphml", "graphml.xsd")
	gexfSchema    = filepath.Join("testdata", "xsd", "gexf", "gexf.xsd")
)

// xmllint validates doc against schema with xmllint and returns its output and
// whether the document is valid. A missing xmllint fails the test: install
// libxml2-utils (scripts/test.sh does).
func xmllint(t *testing.T, schema string, doc []byte) (string, bool) {
	t.Helper()
	bin, err := exec.LookPath("xmllint")
	if err != nil {
		t.Fatalf("xmllint is required to validate the exports (apt-get install libxml2-utils): %v", err)
	}
	path := filepath.Join(t.TempDir(), "export.xml")
	if err := os.WriteFile(path, doc, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "--nonet", "--noout", "--schema", schema, path).CombinedOutput()
	if err != nil {
		if _, ok := err.(*exec.ExitError); !ok {
			t.Fatalf("running xmllint: %v", err)
		}
	}
	return strings.ReplaceAll(string(out), path, "export.xml"), err == nil
}

func TestSchemasUnchanged(t *testing.T) {
	want := map[string]string{
		"graphml/graphml.xsd": "a8b45325e88a6e62070c7b454124e3a440ed66a85ee9f07bdfb874c98420ba94",
		"graphml/xlink.xsd":   "c88c96b21a2f22450618a98f1f6e84b7c7740a54aff83f287958d03bec16431e",
		"gexf/gexf.xsd":       "3c676c22fa2d98c2c999ebf4d4c05a73a9c35f8ec545565970d63af1b38d38f3",
		"gexf/viz.xsd":        "c7b970f5711b5ec1f8e2b4726d8028d8c40bbc7730bba467e6c61fbcc7015efa",
	}
	for name, sum := range want {
		b, err := os.ReadFile(filepath.Join("testdata", "xsd", name))
		if err != nil {
			t.Fatal(err)
		}
		got := sha256.Sum256(b)
		if hex.EncodeToString(got[:]) != sum {
			t.Errorf("%s differs from the copy README.md documents (sha256 %x)", name, got)
		}
	}
}

func TestGraphMLValidatesAgainstSchema(t *testing.T) {
	for name, g := range map[string]*Snapshot{"seed": mustSeedGraph(t), "nasty": nastyGraph()} {
		t.Run(name, func(t *testing.T) {
			doc := mustWrite(t, "graphml", g)
			out, ok := xmllint(t, graphMLSchema, doc)
			t.Logf("xmllint: %s", strings.TrimSpace(out))
			if !ok {
				t.Errorf("the GraphML export is not valid:\n%s", out)
			}
		})
	}
	// The check itself can fail: a graph without edgedefault is invalid.
	doc := bytes.Replace(mustWrite(t, "graphml", nastyGraph()), []byte(` edgedefault="directed"`), nil, 1)
	if out, ok := xmllint(t, graphMLSchema, doc); ok {
		t.Errorf("xmllint accepted a <graph> without edgedefault:\n%s", out)
	}
}

func TestGEXFValidatesAgainstSchema(t *testing.T) {
	for name, g := range map[string]*Snapshot{"seed": mustSeedGraph(t), "nasty": nastyGraph()} {
		t.Run(name, func(t *testing.T) {
			doc := mustWrite(t, "gexf", g)
			out, ok := xmllint(t, gexfSchema, doc)
			t.Logf("xmllint: %s", strings.TrimSpace(out))
			if !ok {
				t.Errorf("the GEXF export is not valid:\n%s", out)
			}
		})
	}
	doc := bytes.Replace(mustWrite(t, "gexf", nastyGraph()), []byte(`<attvalue for="kind"`), []byte(`<attvalue what="kind"`), 1)
	if out, ok := xmllint(t, gexfSchema, doc); ok {
		t.Errorf("xmllint accepted an <attvalue> without for:\n%s", out)
	}
}
