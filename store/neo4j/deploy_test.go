package neo4j

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// The files that run the adapter for real (docker-compose.yml, Dockerfile, the
// GitHub Actions workflow) cannot run here; these tests parse them and check
// the facts the documentation promises.

var repoRoot = filepath.Join("..", "..")

func readYAML(t *testing.T, name string, v any) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(repoRoot, name))
	if err != nil {
		t.Fatal(err)
	}
	if err := yaml.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
}

type composeFile struct {
	Services map[string]struct {
		Image       string            `yaml:"image"`
		Build       any               `yaml:"build"`
		Command     []string          `yaml:"command"`
		Environment map[string]string `yaml:"environment"`
		Ports       []string          `yaml:"ports"`
		Healthcheck struct {
			Test []string `yaml:"test"`
		} `yaml:"healthcheck"`
		DependsOn map[string]struct {
			Condition string `yaml:"condition"`
		} `yaml:"depends_on"`
	} `yaml:"services"`
}

func TestDockerCompose(t *testing.T) {
	var c composeFile
	readYAML(t, "docker-compose.yml", &c)
	neo, seed, api := c.Services["neo4j"], c.Services["seed"], c.Services["api"]
	if neo.Image != "neo4j:5.26" {
		t.Errorf("neo4j image %q, want neo4j:5.26", neo.Image)
	}
	if hc := strings.Join(neo.Healthcheck.Test, " "); !strings.Contains(hc, "cypher-shell") || !strings.Contains(hc, "RETURN 1") {
		t.Errorf("neo4j healthcheck %q does not run Cypher with cypher-shell", hc)
	}
	for k := range neo.Environment {
		if strings.Contains(strings.ToUpper(k), "PLUGINS") {
			t.Errorf("neo4j installs plugins (%s); the adapter needs none", k)
		}
	}
	if !slices.Equal(seed.Command, []string{"seed", "--store", "neo4j"}) || seed.Build == nil {
		t.Errorf("seed job runs %q (built: %v), want corridor seed --store neo4j from the Dockerfile", seed.Command, seed.Build != nil)
	}
	if seed.DependsOn["neo4j"].Condition != "service_healthy" {
		t.Errorf("seed job does not wait for a healthy neo4j: %+v", seed.DependsOn)
	}
	if api.DependsOn["seed"].Condition != "service_completed_successfully" || api.DependsOn["neo4j"].Condition != "service_healthy" {
		t.Errorf("api does not wait for the seed job to complete: %+v", api.DependsOn)
	}
	if !slices.Contains(api.Ports, "8080:8080") || api.Environment["PORT"] != "8080" {
		t.Errorf("api ports %q, PORT %q; want 8080", api.Ports, api.Environment["PORT"])
	}
	if !slices.Equal(api.Command, []string{"serve", "--store", "neo4j"}) {
		t.Errorf("api runs %q, want serve --store neo4j", api.Command)
	}
	for name, s := range map[string]map[string]string{"seed": seed.Environment, "api": api.Environment} {
		for _, k := range []string{"NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD", "NEO4J_DATABASE"} {
			if s[k] == "" {
				t.Errorf("%s: %s not set", name, k)
			}
		}
		if !strings.HasPrefix(s["NEO4J_URI"], "neo4j://neo4j:") {
			t.Errorf("%s: NEO4J_URI %q does not name the neo4j service", name, s["NEO4J_URI"])
		}
	}
}

type workflowFile struct {
	Jobs map[string]struct {
		Services map[string]struct {
			Image string            `yaml:"image"`
			Env   map[string]string `yaml:"env"`
			Ports []string          `yaml:"ports"`
		} `yaml:"services"`
		Env   map[string]string `yaml:"env"`
		Steps []struct {
			Uses string `yaml:"uses"`
			Run  string `yaml:"run"`
		} `yaml:"steps"`
	} `yaml:"jobs"`
}

func TestWorkflow(t *testing.T) {
	var w workflowFile
	readYAML(t, ".github/workflows/neo4j.yml", &w)
	job, ok := w.Jobs["contract"]
	if !ok {
		t.Fatalf("no contract job in %v", w.Jobs)
	}
	svc := job.Services["neo4j"]
	if svc.Image != "neo4j:5.26" || !strings.HasPrefix(svc.Env["NEO4J_AUTH"], "neo4j/") || !slices.Contains(svc.Ports, "7687:7687") {
		t.Errorf("neo4j service container %+v", svc)
	}
	if job.Env["NEO4J_TEST_URI"] != "bolt://localhost:7687" || job.Env["NEO4J_TEST_USER"] == "" ||
		"neo4j/"+job.Env["NEO4J_TEST_PASSWORD"] != svc.Env["NEO4J_AUTH"] {
		t.Errorf("job environment %v does not point the tests at the service container", job.Env)
	}
	var uses, runs []string
	for _, s := range job.Steps {
		uses = append(uses, strings.Split(s.Uses, "@")[0])
		runs = append(runs, s.Run)
	}
	for _, want := range []string{"actions/checkout", "actions/setup-go", "actions/setup-node"} {
		if !slices.Contains(uses, want) {
			t.Errorf("contract job does not use %s", want)
		}
	}
	all := strings.Join(runs, "\n")
	for _, want := range []string{"npm ci --prefix tools/cypherlint", "go test -race -count=1 -v ./store/neo4j/...", "-bench 'Neo4j'"} {
		if !strings.Contains(all, want) {
			t.Errorf("contract job does not run %q", want)
		}
	}
	if c, ok := w.Jobs["compose"]; !ok || !strings.Contains(c.Steps[1].Run, "docker compose up") {
		t.Errorf("no compose job running docker compose up")
	}
}

func TestDockerfile(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(repoRoot, "Dockerfile"))
	if err != nil {
		t.Fatal(err)
	}
	var froms, users []string
	for _, line := range strings.Split(string(b), "\n") {
		f := strings.Fields(line)
		if len(f) >= 2 && f[0] == "FROM" {
			froms = append(froms, f[1])
		}
		if len(f) >= 2 && f[0] == "USER" {
			users = append(users, f[1])
		}
	}
	if len(froms) < 2 || !strings.HasPrefix(froms[0], "golang:1.26") {
		t.Errorf("stages %q: want a multi-stage build from golang:1.26", froms)
	}
	if last := froms[len(froms)-1]; !strings.Contains(last, "distroless/static") && last != "scratch" {
		t.Errorf("final stage %q is not distroless/static or scratch", last)
	}
	if len(users) == 0 || regexp.MustCompile(`^(root|0)(:|$)`).MatchString(users[len(users)-1]) {
		t.Errorf("the image runs as %q, want a non-root USER", users)
	}
	if !strings.Contains(string(b), "CGO_ENABLED=0") {
		t.Error("the binary is not built with CGO_ENABLED=0 (static)")
	}
}
