// Command bumpbench measures bumpkit against the Go heap on a set of
// workloads and prints, for each, the time, the bytes and allocations per
// operation, and the garbage collector's activity (cycles and share of
// CPU) during the run, with the speed-up over the heap.
//
// Usage:
//
//	go run ./cmd/bumpbench [flags]
//
// The flags are:
//
//	-run regexp
//		Run only the workloads whose names match regexp.
//	-benchtime d
//		Run each variant for duration d (default 1s), or Nx for N
//		iterations, as go test's -benchtime.
//	-count n
//		Measure each variant n times, interleaved, and report the run
//		with the median time.
//	-input file
//		The JSON document of the json workload, plain or gzipped
//		(default testdata/node-api.json.gz).
//	-live MiB
//		The size of the live heap kept during the request workload.
//	-depth n
//		The depth of the largest trees of the binary-trees workload
//		(default 14; each step of 2 quadruples the work).
//	-json
//		Print the results as JSON instead of a table.
//	-markdown
//		Print the results as a Markdown table.
//	-plot dir
//		Also write SVG charts of the results to dir.
//	-smoke
//		Run every workload briefly, to check that the benchmark works
//		(used by CI); the numbers mean nothing.
//
// Built with GOEXPERIMENT=arenas, bumpbench also measures Go's
// experimental arena package.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"testing"
	"time"

	"github.com/bumpkit/bumpkit/internal/testkit/jsontree"
	"github.com/bumpkit/bumpkit/internal/testkit/workload"
)

const defaultInput = "testdata/node-api.json.gz"

// jsonData is the real-data workload's document, for the variants that
// are registered before it is loaded (arena.go).
//
//lint:ignore U1000 read only by arena.go, built with GOEXPERIMENT=arenas
var jsonData []byte

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "bumpbench:", err)
		os.Exit(1)
	}
}

type options struct {
	run       string
	benchtime string
	count     int
	input     string
	liveMB    int
	depth     int
	json      bool
	markdown  bool
	plot      string
	smoke     bool
}

func run(args []string, stdout, stderr io.Writer) error {
	var o options
	fl := flag.NewFlagSet("bumpbench", flag.ContinueOnError)
	fl.SetOutput(stderr)
	fl.StringVar(&o.run, "run", "", "run only the workloads matching `regexp`")
	fl.StringVar(&o.benchtime, "benchtime", "1s", "run each variant for `d` (a duration, or Nx iterations)")
	fl.IntVar(&o.count, "count", 1, "measure each variant `n` times and report the median")
	fl.StringVar(&o.input, "input", defaultInput, "JSON `file` for the json workload (plain or gzipped)")
	fl.IntVar(&o.liveMB, "live", 64, "live heap size in `MiB` during the request workload")
	fl.IntVar(&o.depth, "depth", 14, "depth `n` of the largest trees of the binary-trees workload")
	fl.BoolVar(&o.json, "json", false, "print JSON instead of a table")
	fl.BoolVar(&o.markdown, "markdown", false, "print a Markdown table instead of a text table")
	fl.StringVar(&o.plot, "plot", "", "write SVG charts to `dir`")
	fl.BoolVar(&o.smoke, "smoke", false, "run every workload briefly to check that it works")
	fl.Usage = func() {
		fmt.Fprintf(fl.Output(), "usage: bumpbench [flags]\n\nbumpbench measures bumpkit against the Go heap.\n\n")
		fl.PrintDefaults()
	}
	if err := fl.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return err
	}
	if fl.NArg() > 0 {
		return fmt.Errorf("unexpected arguments %q", fl.Args())
	}
	if o.smoke {
		o.benchtime, o.count = "20ms", 1
		o.liveMB = min(o.liveMB, 8)
		o.depth = min(o.depth, workload.MinTreeDepth+2)
	}
	if o.depth < workload.MinTreeDepth || o.depth > 24 {
		return fmt.Errorf("-depth %d: must be from %d to 24", o.depth, workload.MinTreeDepth)
	}
	if o.count < 1 {
		return fmt.Errorf("-count %d: must be at least 1", o.count)
	}
	filter, err := regexp.Compile(o.run)
	if err != nil {
		return fmt.Errorf("-run: %v", err)
	}
	if err := setBenchtime(o.benchtime); err != nil {
		return err
	}

	cfg := &config{liveHeapMB: o.liveMB, treeDepth: o.depth, smoke: o.smoke}
	if filter.MatchString("json") {
		data, err := jsontree.ReadFile(o.input)
		switch {
		case errors.Is(err, fs.ErrNotExist) && o.input == defaultInput:
			fmt.Fprintf(stderr, "bumpbench: %s not found (run from the repository root, or use -input); skipping the json workload\n", defaultInput)
		case err != nil:
			return err
		default:
			cfg.json, jsonData = data, data
		}
	}

	var selected []*task
	for _, w := range workloads(cfg) {
		if filter.MatchString(w.name) {
			selected = append(selected, w)
		}
	}
	if len(selected) == 0 {
		return fmt.Errorf("-run %q matches no workload", o.run)
	}

	env := currentEnv(o.benchtime)
	results := measureAll(selected, o.count, newProgress(stderr))
	if o.smoke {
		for _, r := range results {
			if r.Iterations == 0 {
				return fmt.Errorf("smoke: %s/%s did not run", r.Workload, r.Variant)
			}
		}
	}

	if o.json {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		err = enc.Encode(report{Env: env, Workloads: describe(selected), Results: results})
	} else if o.markdown {
		err = writeMarkdown(stdout, env, selected, results)
	} else {
		err = writeTable(stdout, env, selected, results)
	}
	if err != nil {
		return err
	}

	switch {
	case o.plot != "":
		if err := writePlots(o.plot, env, results); err != nil {
			return err
		}
		if !o.json {
			fmt.Fprintf(stdout, "\nwrote charts to %s\n", filepath.Join(o.plot, "*.svg"))
		}
	case o.smoke:
		// Exercise the chart code too, without writing files.
		if err := renderPlots(func(string) io.Writer { return io.Discard }, env, results); err != nil {
			return err
		}
	}
	return nil
}

// setBenchtime sets the duration testing.Benchmark runs each variant for,
// which only its command-line flag controls.
func setBenchtime(d string) error {
	testing.Init()
	if err := flag.CommandLine.Set("test.benchtime", d); err != nil {
		return fmt.Errorf("-benchtime %s: %v", d, err)
	}
	return nil
}

// measureAll measures every variant of every workload count times,
// alternating the variants so that drift in the machine's speed affects
// them alike, and keeps each variant's median run.
func measureAll(ws []*task, count int, p *progress) []result {
	total := 0
	for _, w := range ws {
		total += len(w.variants) * count
	}
	p.start(total)
	var out []result
	for _, w := range ws {
		var teardown func()
		if w.setup != nil {
			p.note(w.name, "setting up")
			teardown = w.setup()
		}
		runs := make([][]result, len(w.variants))
		for range count {
			for i, v := range w.variants {
				p.step(w.name, v.name)
				runs[i] = append(runs[i], measure(w.name, v.name, v.fn))
			}
		}
		if teardown != nil {
			teardown()
		}
		base := median(runs[0]).NsPerOp
		for _, rs := range runs {
			r := median(rs)
			if r.NsPerOp > 0 {
				r.Speedup = base / r.NsPerOp
			}
			out = append(out, r)
		}
	}
	p.done()
	return out
}

func median(rs []result) result {
	rs = slices.Clone(rs)
	slices.SortFunc(rs, func(a, b result) int {
		switch {
		case a.NsPerOp < b.NsPerOp:
			return -1
		case a.NsPerOp > b.NsPerOp:
			return 1
		}
		return 0
	})
	return rs[len(rs)/2]
}

// progress reports on stderr which measurement is running: one line
// rewritten in place on a terminal, a line per workload otherwise.
type progress struct {
	w        io.Writer
	tty      bool
	n, total int
	began    time.Time
	last     string
}

func newProgress(w io.Writer) *progress {
	p := &progress{w: w}
	if f, ok := w.(*os.File); ok {
		if st, err := f.Stat(); err == nil && st.Mode()&os.ModeCharDevice != 0 {
			p.tty = true
		}
	}
	return p
}

func (p *progress) start(total int) {
	p.total, p.began = total, time.Now()
}

func (p *progress) note(workload, what string) {
	if p.tty {
		fmt.Fprintf(p.w, "\r\033[Kbumpbench: [%d/%d] %s: %s", p.n, p.total, workload, what)
	}
}

func (p *progress) step(workload, variant string) {
	p.n++
	if p.tty {
		fmt.Fprintf(p.w, "\r\033[Kbumpbench: [%d/%d] %s/%s (%v elapsed)", p.n, p.total, workload, variant, time.Since(p.began).Round(time.Second))
	} else if workload != p.last {
		fmt.Fprintf(p.w, "bumpbench: [%d/%d] %s\n", p.n, p.total, workload)
	}
	p.last = workload
}

func (p *progress) done() {
	if p.tty {
		fmt.Fprintf(p.w, "\r\033[K")
	}
	fmt.Fprintf(p.w, "bumpbench: %d measurements in %v\n", p.total, time.Since(p.began).Round(100*time.Millisecond))
}

// env describes where the numbers were measured.
type env struct {
	GoVersion  string `json:"go_version"`
	GOOS       string `json:"goos"`
	GOARCH     string `json:"goarch"`
	CPU        string `json:"cpu,omitempty"`
	GOMAXPROCS int    `json:"gomaxprocs"`
	Benchtime  string `json:"benchtime"`
	GoArena    bool   `json:"go_arena"`
	Date       string `json:"date"`
}

func currentEnv(benchtime string) env {
	return env{
		GoVersion:  runtime.Version(),
		GOOS:       runtime.GOOS,
		GOARCH:     runtime.GOARCH,
		CPU:        cpuModel(),
		GOMAXPROCS: runtime.GOMAXPROCS(0),
		Benchtime:  benchtime,
		GoArena:    len(arenaVariants) > 0,
		Date:       time.Now().UTC().Format(time.DateOnly),
	}
}

type workloadInfo struct {
	Name        string `json:"name"`
	Description string `json:"description"`
}

func describe(ws []*task) []workloadInfo {
	out := make([]workloadInfo, len(ws))
	for i, w := range ws {
		out[i] = workloadInfo{w.name, w.desc}
	}
	return out
}

// report is the -json output.
type report struct {
	Env       env            `json:"env"`
	Workloads []workloadInfo `json:"workloads"`
	Results   []result       `json:"results"`
}
