package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"
)

// writeTable prints the results as an aligned table, a workload's
// variants together with the heap first, followed by what one operation
// of each workload is.
func writeTable(w io.Writer, e env, ws []*task, results []result) error {
	fmt.Fprintf(w, "bumpkit vs the Go heap: %s %s/%s, %s, GOMAXPROCS=%d, benchtime %s\n\n",
		e.GoVersion, e.GOOS, e.GOARCH, orUnknown(e.CPU), e.GOMAXPROCS, e.Benchtime)
	t := table{align: "llrrrrrr"}
	t.add("workload", "variant", "time/op", "B/op", "allocs/op", "GCs", "GC CPU", "vs heap")
	prev := ""
	for _, r := range results {
		name := r.Workload
		if name == prev {
			name = ""
		} else if prev != "" {
			t.add()
		}
		prev = r.Workload
		t.add(name, r.Variant, formatNs(r.NsPerOp), formatBytes(r.BytesPerOp),
			fmt.Sprint(r.AllocsPerOp), fmt.Sprint(r.GCCycles), formatPercent(r.GCCPU), formatSpeedup(r))
	}
	if err := t.write(w); err != nil {
		return err
	}
	fmt.Fprintln(w, "\none op is:")
	for _, wl := range ws {
		fmt.Fprintf(w, "  %-12s %s\n", wl.name, wl.desc)
	}
	fmt.Fprintln(w, "\nvs heap: heap time/op divided by the variant's (higher is better).")
	fmt.Fprintln(w, "GCs and GC CPU: collections during the run and the runtime's estimate of")
	fmt.Fprintln(w, "their share of GOMAXPROCS x wall time (idle-time marking included).")
	return nil
}

// writeMarkdown prints the results as a Markdown table, for documents
// and issues.
func writeMarkdown(w io.Writer, e env, ws []*task, results []result) error {
	fmt.Fprintf(w, "%s %s/%s, %s, GOMAXPROCS=%d, benchtime %s, %s\n\n",
		e.GoVersion, e.GOOS, e.GOARCH, orUnknown(e.CPU), e.GOMAXPROCS, e.Benchtime, e.Date)
	fmt.Fprintln(w, "| workload | variant | time/op | B/op | allocs/op | GCs | GC CPU | vs heap |")
	fmt.Fprintln(w, "|---|---|--:|--:|--:|--:|--:|--:|")
	prev := ""
	for _, r := range results {
		name := ""
		if r.Workload != prev {
			name = "`" + r.Workload + "`"
		}
		prev = r.Workload
		fmt.Fprintf(w, "| %s | %s | %s | %s | %d | %d | %s | %s |\n",
			name, r.Variant, formatNs(r.NsPerOp), formatBytes(r.BytesPerOp), r.AllocsPerOp,
			r.GCCycles, formatPercent(r.GCCPU), formatSpeedup(r))
	}
	fmt.Fprintln(w, "\nOne op is:")
	fmt.Fprintln(w)
	for _, wl := range ws {
		fmt.Fprintf(w, "- `%s`: %s\n", wl.name, wl.desc)
	}
	return nil
}

func orUnknown(s string) string {
	if s == "" {
		return "unknown CPU"
	}
	return s
}

func formatNs(ns float64) string {
	switch {
	case ns >= 1e9:
		return fmt.Sprintf("%.2f s", ns/1e9)
	case ns >= 1e6:
		return fmt.Sprintf("%.2f ms", ns/1e6)
	case ns >= 1e3:
		return fmt.Sprintf("%.2f µs", ns/1e3)
	}
	return fmt.Sprintf("%.1f ns", ns)
}

func formatBytes(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}

func formatPercent(f float64) string {
	return fmt.Sprintf("%.1f%%", 100*f)
}

func formatSpeedup(r result) string {
	switch {
	case r.Variant == heapVariant:
		return "baseline"
	case r.Speedup == 0:
		return "-"
	case r.Speedup >= 1:
		return formatRatio(r.Speedup) + "x faster"
	}
	return formatRatio(1/r.Speedup) + "x slower"
}

// formatRatio formats a ratio with one decimal, or two near 1, where one
// would print a difference as "1.0".
func formatRatio(f float64) string {
	if f > 0.95 && f < 1.05 {
		return fmt.Sprintf("%.2f", f)
	}
	return fmt.Sprintf("%.1f", f)
}

// cpuModel returns the processor's model name on Linux, or "".
func cpuModel() string {
	f, err := os.Open("/proc/cpuinfo")
	if err != nil {
		return ""
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), ":")
		if ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

// table is a plain-text table whose columns are left- ('l') or
// right-aligned ('r') as align says; a row with no cells is a blank line.
type table struct {
	align string
	rows  [][]string
}

func (t *table) add(cells ...string) { t.rows = append(t.rows, cells) }

func (t *table) write(w io.Writer) error {
	widths := make([]int, len(t.align))
	for _, row := range t.rows {
		for i, c := range row {
			widths[i] = max(widths[i], utf8.RuneCountInString(c))
		}
	}
	var b strings.Builder
	for _, row := range t.rows {
		var line strings.Builder
		for i, c := range row {
			pad := strings.Repeat(" ", widths[i]-utf8.RuneCountInString(c))
			if i > 0 {
				line.WriteString("  ")
			}
			if t.align[i] == 'r' {
				line.WriteString(pad + c)
			} else {
				line.WriteString(c + pad)
			}
		}
		b.WriteString(strings.TrimRight(line.String(), " "))
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}
