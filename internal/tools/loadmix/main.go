// Command loadmix sends a bounded, open-loop mix of GraphQL requests to a Corridor
// server on the loopback interface at a fixed rate, and reports throughput,
// latency percentiles (p50, p90, p99, max, per operation too) and errors.
//
// The reads are the bundled example queries (docs/queries), in turn. A write can
// be mixed in with -mutation (a file holding one GraphQL mutation, with
// -mutation-vars and -key for the API key): one request in -mutation-every is then
// that mutation. Latency is measured from when each request was due, so a stalled
// server is not hidden by the client waiting for it.
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
}

type result struct {
	name    string
	latency time.Duration
	err     string
}

func main() {
	target := flag.String("url", "http://127.0.0.1:8080/graphql", "GraphQL endpoint (loopback only)")
	rate := flag.Float64("rate", 200, "requests per second (at most 2000)")
	duration := flag.Duration("duration", 30*time.Second, "how long to send (at most 5m)")
	inflight := flag.Int("max-inflight", 256, "requests in flight at most; beyond, a due request counts as an error")
	mutation := flag.String("mutation", "", "file of one GraphQL mutation to mix in")
	mutationVars := flag.String("mutation-vars", "{}", "JSON variables of the mutation")
	every := flag.Int("mutation-every", 10, "one request in this many is the mutation")
	key := flag.String("key", os.Getenv("CORRIDOR_LOAD_KEY"), "API key sent with the mutation (env CORRIDOR_LOAD_KEY)")
	p99Target := flag.Duration("p99", 50*time.Millisecond, "p99 target; exit status 1 when missed or on any error")
	flag.Parse()

	if err := checkBounds(*target, *rate, *duration); err != nil {
		fmt.Fprintln(os.Stderr, "loadmix:", err)
		os.Exit(2)
	}
	mix, err := buildMix(*mutation, *mutationVars, *every, *key)
	if err != nil {
		fmt.Fprintln(os.Stderr, "loadmix:", err)
		os.Exit(2)
	}
	results := run(*target, mix, *rate, *duration, *inflight)
	if !report(os.Stdout, results, *duration, *p99Target) {
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

// buildMix returns the request cycle: the example queries, and the mutation as
// every n-th request when given.
func buildMix(mutationFile, vars string, every int, key string) ([]request, error) {
	var reads []request
	for _, e := range docs.Examples() {
		b, _ := json.Marshal(map[string]any{"query": e.Query})
		reads = append(reads, request{name: e.Operations[0], body: b})
	}
	if len(reads) == 0 {
		return nil, fmt.Errorf("no example queries embedded")
	}
	if mutationFile == "" {
		return reads, nil
	}
	q, err := os.ReadFile(mutationFile)
	if err != nil {
		return nil, err
	}
	var v map[string]any
	if err := json.Unmarshal([]byte(vars), &v); err != nil {
		return nil, fmt.Errorf("-mutation-vars: %w", err)
	}
	b, _ := json.Marshal(map[string]any{"query": string(q), "variables": v})
	w := request{name: "mutation", body: b, key: key}
	if every < 2 {
		return nil, fmt.Errorf("-mutation-every must be at least 2")
	}
	var mix []request
	for i := 0; len(mix) < every*len(reads); i++ {
		if len(mix)%every == every-1 {
			mix = append(mix, w)
		}
		mix = append(mix, reads[i%len(reads)])
	}
	return mix, nil
}

// run sends mix in turn at rate for d, open loop, and collects every result.
func run(target string, mix []request, rate float64, d time.Duration, maxInflight int) []result {
	client := &http.Client{Timeout: 15 * time.Second, Transport: &http.Transport{
		MaxIdleConnsPerHost: maxInflight, MaxConnsPerHost: maxInflight,
	}}
	interval := time.Duration(float64(time.Second) / rate)
	total := int(d / interval)
	results := make([]result, total)
	slots := make(chan struct{}, maxInflight)
	var wg sync.WaitGroup
	start := time.Now()
	for i := range total {
		due := start.Add(time.Duration(i) * interval)
		time.Sleep(time.Until(due))
		req := mix[i%len(mix)]
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
		}()
	}
	wg.Wait()
	return results
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
		res.err = "GraphQL error " + doc.Errors[0].Extensions.Code
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
