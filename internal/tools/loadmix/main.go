// Command loadmix sends a bounded, open-loop mix of GraphQL requests to a Corridor
// server on the loopback interface at a fixed rate, and reports throughput,
// latency percentiles (p50, p90, p99, max, per operation too) and errors.
//
// The reads are the bundled example queries (docs/queries), in turn. With
// -write-every N (and an editor key in -key), one request in N is a write: in turn
// a createPerson of a new person and an updatePerson renaming a person created a
// few writes before. Latency is measured from when each request was due, so a stalled
// server is not hidden by the client waiting for it.
//
// After the run, every acknowledged write is read back (nodes(ids:), 100 at a
// time): a created person missing, or an acknowledged rename not seen, is a lost
// write and fails the run. -ack-file saves what was acknowledged; -verify FILE
// only reads such a file back (after a restart of the server, say).
//
//	go run ./internal/tools/loadmix -url http://127.0.0.1:8080/graphql -rate 200 -duration 30s
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"slices"
	"sort"
	"sync"
	"time"

	"github.com/corridor-kg/corridor/docs"
)

type request struct {
	name string
	body []byte
	key  string
	// write is the write's person ID and the name it sets ("" for reads).
	write, writeName string
}

type result struct {
	name    string
	latency time.Duration
	err     string
}

// ack is an acknowledged write: after it, the person ID has the name.
type ack struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

func main() {
	target := flag.String("url", "http://127.0.0.1:8080/graphql", "GraphQL endpoint (loopback only)")
	rate := flag.Float64("rate", 200, "requests per second (at most 2000)")
	duration := flag.Duration("duration", 30*time.Second, "how long to send (at most 5m)")
	inflight := flag.Int("max-inflight", 256, "requests in flight at most; beyond, a due request counts as an error")
	writeEvery := flag.Int("write-every", 0, "one request in this many is a write (0 = reads only; at least 2)")
	key := flag.String("key", os.Getenv("CORRIDOR_LOAD_KEY"), "editor API key sent with the writes (env CORRIDOR_LOAD_KEY)")
	ackFile := flag.String("ack-file", "", "write the acknowledged writes to this file (JSON), for -verify")
	verify := flag.String("verify", "", "only read back the acknowledged writes of this -ack-file and report lost ones")
	p99Target := flag.Duration("p99", 50*time.Millisecond, "p99 target; exit status 1 when missed, on any error or on a lost write")
	flag.Parse()

	if err := checkBounds(*target, *rate, *duration); err != nil {
		fmt.Fprintln(os.Stderr, "loadmix:", err)
		os.Exit(2)
	}
	client := &http.Client{Timeout: 15 * time.Second, Transport: &http.Transport{
		MaxIdleConnsPerHost: *inflight, MaxConnsPerHost: *inflight,
	}}
	if *verify != "" {
		data, err := os.ReadFile(*verify)
		var acks []ack
		if err == nil {
			err = json.Unmarshal(data, &acks)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "loadmix: -verify:", err)
			os.Exit(2)
		}
		if !checkAcks(os.Stdout, client, *target, acks) {
			os.Exit(1)
		}
		return
	}
	mix, err := buildMix(*writeEvery, *key, time.Now().UnixNano())
	if err != nil {
		fmt.Fprintln(os.Stderr, "loadmix:", err)
		os.Exit(2)
	}
	results, acks := run(client, *target, mix, *rate, *duration, *inflight)
	ok := report(os.Stdout, results, *duration, *p99Target)
	if *writeEvery > 0 {
		ok = checkAcks(os.Stdout, client, *target, acks) && ok
		if *ackFile != "" {
			data, _ := json.Marshal(acks)
			if err := os.WriteFile(*ackFile, data, 0o644); err != nil {
				fmt.Fprintln(os.Stderr, "loadmix:", err)
				os.Exit(2)
			}
		}
	}
	if !ok {
		os.Exit(1)
	}
}

// checkBounds keeps the load on this machine and bounded in rate and time.
func checkBounds(target string, rate float64, d time.Duration) error {
	u, err := url.Parse(target)
	if err != nil {
		return err
	}
	ip := net.ParseIP(u.Hostname())
	if u.Hostname() != "localhost" && (ip == nil || !ip.IsLoopback()) {
		return fmt.Errorf("-url must be on the loopback interface, not %q", u.Host)
	}
	if rate <= 0 || rate > 2000 || d <= 0 || d > 5*time.Minute {
		return fmt.Errorf("-rate must be in (0, 2000] and -duration in (0, 5m]")
	}
	return nil
}

const (
	createPerson = `mutation($in: PersonInput!) { createPerson(input: $in) { id name } }`
	updatePerson = `mutation($in: PersonInput!) { updatePerson(input: $in) { id name } }`
)

// personInput is a valid PersonInput: a person of China with the evidence of the
// bundled seed's first article.
func personInput(id, name string) map[string]any {
	return map[string]any{"in": map[string]any{
		"id": id, "name": name, "nationalityId": "country:china",
		"evidence": []any{map[string]any{"sourceId": "source:pakistan-invites-china-digital",
			"quote": "Chinese Ambassador to Pakistan Yao Jing", "attribution": "ARTICLE"}},
	}}
}

// renameLag is how many creates back a rename reaches: the rename of a person is
// sent about 2 × renameLag × writeEvery requests after its creation.
const renameLag = 4

// buildMix returns the requests' generator: the example queries in turn, and
// when writeEvery > 0 one write in writeEvery requests (creates and renames
// alternating, of persons whose IDs carry run so runs never collide).
func buildMix(writeEvery int, key string, run int64) (func(i int) request, error) {
	var reads []request
	for _, e := range docs.Examples() {
		b, _ := json.Marshal(map[string]any{"query": e.Query})
		reads = append(reads, request{name: e.Operations[0], body: b})
	}
	if len(reads) == 0 {
		return nil, fmt.Errorf("no example queries embedded")
	}
	if writeEvery == 0 {
		return func(i int) request { return reads[i%len(reads)] }, nil
	}
	if writeEvery < 2 {
		return nil, fmt.Errorf("-write-every must be 0 or at least 2")
	}
	if key == "" {
		return nil, fmt.Errorf("writes need an editor key: -key or CORRIDOR_LOAD_KEY")
	}
	return func(i int) request {
		w := i / writeEvery
		if i%writeEvery != writeEvery-1 || w%2 == 1 && w/2 < renameLag { // a read, or nothing to rename yet
			return reads[(i-w)%len(reads)]
		}
		if w%2 == 0 {
			id := fmt.Sprintf("person:load-%x-%d", run, w/2)
			name := fmt.Sprintf("Load Person %d", w/2)
			b, _ := json.Marshal(map[string]any{"query": createPerson, "variables": personInput(id, name)})
			return request{name: "createPerson", body: b, key: key, write: id, writeName: name}
		}
		// Rename a person created renameLag creates ago, acknowledged by now
		// unless the server is very slow (then this is a NOT_FOUND error).
		p := w/2 - renameLag
		id := fmt.Sprintf("person:load-%x-%d", run, p)
		name := fmt.Sprintf("Load Person %d (renamed)", p)
		b, _ := json.Marshal(map[string]any{"query": updatePerson, "variables": personInput(id, name)})
		return request{name: "updatePerson", body: b, key: key, write: id, writeName: name}
	}, nil
}

// run sends the requests of mix in turn at rate for d, open loop, and collects
// every result and the acknowledged writes.
func run(client *http.Client, target string, mix func(int) request, rate float64, d time.Duration, maxInflight int) ([]result, []ack) {
	interval := time.Duration(float64(time.Second) / rate)
	total := int(d / interval)
	results := make([]result, total)
	acked := make([]bool, total)
	reqs := make([]request, total)
	slots := make(chan struct{}, maxInflight)
	var wg sync.WaitGroup
	start := time.Now()
	for i := range total {
		due := start.Add(time.Duration(i) * interval)
		time.Sleep(time.Until(due))
		req := mix(i)
		reqs[i] = req
		select {
		case slots <- struct{}{}:
		default:
			results[i] = result{name: req.name, latency: time.Since(due), err: "client: too many requests in flight"}
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() { <-slots }()
			results[i] = send(client, target, req, due)
			acked[i] = req.write != "" && results[i].err == ""
		}()
	}
	wg.Wait()
	// The last acknowledged write of each person is what must be there.
	last := map[string]int{}
	var order []string
	for i, ok := range acked {
		if ok {
			if _, seen := last[reqs[i].write]; !seen {
				order = append(order, reqs[i].write)
			}
			last[reqs[i].write] = i
		}
	}
	acks := make([]ack, len(order))
	for j, id := range order {
		acks[j] = ack{ID: id, Name: reqs[last[id]].writeName}
	}
	return results, acks
}

// checkAcks reads every acknowledged write back and reports the lost ones: a
// person missing or with another name than its last acknowledged write set.
func checkAcks(w io.Writer, client *http.Client, target string, acks []ack) bool {
	lost := 0
	for start := 0; start < len(acks); start += 100 {
		batch := acks[start:min(start+100, len(acks))]
		ids := make([]string, len(batch))
		for i, a := range batch {
			ids[i] = a.ID
		}
		body, _ := json.Marshal(map[string]any{"query": `query($ids: [ID!]!) { nodes(ids: $ids) { id label } }`, "variables": map[string]any{"ids": ids}})
		resp, err := client.Post(target, "application/json", bytes.NewReader(body))
		var doc struct {
			Data struct {
				Nodes []*struct{ ID, Label string }
			}
		}
		if err == nil {
			err = json.NewDecoder(resp.Body).Decode(&doc)
			resp.Body.Close()
		}
		if err != nil || len(doc.Data.Nodes) != len(batch) {
			fmt.Fprintf(w, "read-back failed: %v\n", err)
			return false
		}
		for i, a := range batch {
			if n := doc.Data.Nodes[i]; n == nil || n.ID != a.ID || n.Label != a.Name {
				lost++
				fmt.Fprintf(w, "  lost: %s should be %q, is %+v\n", a.ID, a.Name, n)
			}
		}
	}
	fmt.Fprintf(w, "acknowledged writes read back: %d persons, %d lost\n", len(acks), lost)
	return lost == 0
}

// send posts one request; an error is a transport failure, a non-200 status or
// a GraphQL response with errors.
func send(client *http.Client, target string, r request, due time.Time) result {
	res := result{name: r.name}
	hr, _ := http.NewRequest(http.MethodPost, target, bytes.NewReader(r.body))
	hr.Header.Set("Content-Type", "application/json")
	if r.key != "" {
		hr.Header.Set("Authorization", "Bearer "+r.key)
	}
	resp, err := client.Do(hr)
	if err != nil {
		res.latency, res.err = time.Since(due), "transport: "+err.Error()
		return res
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	res.latency = time.Since(due)
	var doc struct {
		Errors []struct {
			Message    string
			Extensions struct{ Code string } `json:"extensions"`
		} `json:"errors"`
	}
	switch {
	case err != nil:
		res.err = "reading: " + err.Error()
	case resp.StatusCode != http.StatusOK:
		res.err = fmt.Sprintf("HTTP %d", resp.StatusCode)
	case json.Unmarshal(body, &doc) != nil:
		res.err = "response is not JSON"
	case len(doc.Errors) > 0:
		res.err = "GraphQL error " + doc.Errors[0].Extensions.Code + ": " + doc.Errors[0].Message
	}
	return res
}

func percentile(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	i := int(float64(len(sorted))*p+0.5) - 1
	return sorted[max(0, min(i, len(sorted)-1))]
}

// report prints the summary and says whether it met the targets (no error,
// p99 within target).
func report(w io.Writer, results []result, d time.Duration, p99Target time.Duration) bool {
	byName := map[string][]time.Duration{}
	var all []time.Duration
	errs := map[string]int{}
	nerr := 0
	for _, r := range results {
		all = append(all, r.latency)
		byName[r.name] = append(byName[r.name], r.latency)
		if r.err != "" {
			errs[r.err]++
			nerr++
		}
	}
	slices.Sort(all)
	fmt.Fprintf(w, "requests %d in %s: %.1f/s, errors %d\n", len(results), d, float64(len(results))/d.Seconds(), nerr)
	fmt.Fprintf(w, "latency  p50 %s  p90 %s  p99 %s  max %s\n", round(percentile(all, .5)), round(percentile(all, .9)), round(percentile(all, .99)), round(percentile(all, 1)))
	names := make([]string, 0, len(byName))
	for n := range byName {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		l := byName[n]
		slices.Sort(l)
		fmt.Fprintf(w, "  %-24s n=%-6d p50 %-10s p99 %s\n", n, len(l), round(percentile(l, .5)), round(percentile(l, .99)))
	}
	for e, n := range errs {
		fmt.Fprintf(w, "  error %q × %d\n", e, n)
	}
	p99 := percentile(all, .99)
	ok := nerr == 0 && p99 <= p99Target
	fmt.Fprintf(w, "target: 0 errors and p99 <= %s: %v\n", p99Target, map[bool]string{true: "met", false: "MISSED"}[ok])
	return ok
}

func round(d time.Duration) time.Duration { return d.Round(10 * time.Microsecond) }
