package main

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

var testInput = filepath.Join("..", "..", defaultInput)

func runBench(t *testing.T, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	var out, errOut bytes.Buffer
	err = run(args, &out, &errOut)
	return out.String(), errOut.String(), err
}

func TestSmokeJSON(t *testing.T) {
	out, stderr, err := runBench(t, "-smoke", "-json", "-run", "alloc-noptr|json", "-input", testInput)
	require.NoError(t, err)
	require.Contains(t, stderr, "measurements in", "progress goes to stderr")

	var rep report
	require.NoError(t, json.Unmarshal([]byte(out), &rep))
	require.Equal(t, "20ms", rep.Env.Benchtime)
	var names []string
	for _, w := range rep.Workloads {
		names = append(names, w.Name)
	}
	require.Equal(t, []string{"alloc-noptr", "json"}, names)

	byKey := map[string]result{}
	for _, r := range rep.Results {
		byKey[r.Workload+"/"+r.Variant] = r
		require.Positive(t, r.Iterations, r.Workload+"/"+r.Variant)
		require.Positive(t, r.NsPerOp)
		require.Positive(t, r.Speedup)
		require.GreaterOrEqual(t, r.GCCPU, 0.0)
		require.LessOrEqual(t, r.GCCPU, 1.0)
	}
	require.Equal(t, 1.0, byKey["json/heap"].Speedup, "the heap is the baseline")
	require.Equal(t, int64(batch), byKey["alloc-noptr/heap"].AllocsPerOp)
	require.Contains(t, byKey, "json/bumpkit")
}

func TestSmokeTableAndPlots(t *testing.T) {
	dir := t.TempDir()
	out, _, err := runBench(t, "-smoke", "-run", "^(strings|slices)$", "-plot", dir)
	require.NoError(t, err)
	lines := strings.Split(out, "\n")
	require.Contains(t, out, "workload  variant")
	require.Contains(t, out, "baseline")
	require.Regexp(t, `strings\s+heap`, out)
	require.NotContains(t, out, "json ", "-run selects workloads")
	for _, l := range lines {
		require.Equal(t, strings.TrimRight(l, " "), l, "no trailing spaces")
	}

	for _, name := range []string{"speedup.svg", "gc-cpu.svg"} {
		data, err := os.ReadFile(filepath.Join(dir, name))
		require.NoError(t, err)
		requireWellFormed(t, data)
		require.Contains(t, string(data), "strings")
		require.Contains(t, string(data), "bumpkit")
	}
}

func requireWellFormed(t *testing.T, data []byte) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(data))
	for {
		_, err := d.Token()
		if err == io.EOF {
			return
		}
		require.NoError(t, err)
	}
}

func TestSmokeMarkdown(t *testing.T) {
	out, _, err := runBench(t, "-smoke", "-markdown", "-run", "^strings$")
	require.NoError(t, err)
	require.Contains(t, out, "| workload | variant |")
	require.Regexp(t, "\\| `strings` \\| heap \\| .* \\| baseline \\|", out)
	require.Contains(t, out, "- `strings`: ")
}

func TestFlagErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"bad regexp", []string{"-run", "("}, "-run"},
		{"no match", []string{"-run", "nothing-matches-this"}, "matches no workload"},
		{"bad count", []string{"-count", "0"}, "-count"},
		{"bad depth", []string{"-depth", "2"}, "-depth"},
		{"huge depth", []string{"-depth", "30"}, "-depth"},
		{"bad benchtime", []string{"-benchtime", "soon"}, "-benchtime"},
		{"missing input", []string{"-run", "json", "-input", "no/such/file.json"}, "no such file"},
		{"stray argument", []string{"extra"}, "unexpected arguments"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := runBench(t, tt.args...)
			require.ErrorContains(t, err, tt.want)
		})
	}
}

func TestMissingDefaultInputSkipsJSON(t *testing.T) {
	t.Chdir(t.TempDir())
	out, stderr, err := runBench(t, "-smoke", "-run", "json|^strings$")
	require.NoError(t, err)
	require.Contains(t, stderr, "skipping the json workload")
	require.Contains(t, out, "strings")
}

func TestNiceStep(t *testing.T) {
	tests := []struct{ top, want float64 }{
		{0.05, 0.005}, {0.3, 0.05}, {0.8, 0.1}, {1, 0.1}, {0.12, 0.02},
	}
	for _, tt := range tests {
		got := niceStep(tt.top)
		require.InDelta(t, tt.want, got, 1e-12, "niceStep(%v)", tt.top)
		require.LessOrEqual(t, tt.top/got, 10.0+1e-9)
	}
}

func TestFormat(t *testing.T) {
	require.Equal(t, "12.5 ns", formatNs(12.5))
	require.Equal(t, "1.50 µs", formatNs(1500))
	require.Equal(t, "2.00 ms", formatNs(2e6))
	require.Equal(t, "512 B", formatBytes(512))
	require.Equal(t, "1.5 KiB", formatBytes(1536))
	require.Equal(t, "2.0 MiB", formatBytes(2<<20))
	require.Equal(t, "baseline", formatSpeedup(result{Variant: heapVariant, Speedup: 1}))
	require.Equal(t, "4.0x faster", formatSpeedup(result{Variant: bumpVariant, Speedup: 4}))
	require.Equal(t, "2.0x slower", formatSpeedup(result{Variant: bumpVariant, Speedup: 0.5}))
	require.Equal(t, "1.02x slower", formatSpeedup(result{Variant: bumpVariant, Speedup: 0.98}))
	require.Equal(t, "1.03x faster", formatSpeedup(result{Variant: bumpVariant, Speedup: 1.03}))
}
