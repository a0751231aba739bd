package main

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// The charts are hand-written SVG: two kinds of horizontal bar chart do
// not justify a plotting dependency.

var variantColor = map[string]string{
	heapVariant:  "#9ca3af",
	bumpVariant:  "#0f766e",
	arenaVariant: "#d97706",
}

const (
	chartWidth = 880
	labelRight = 180 // right edge of the workload labels
	plotRight  = chartWidth - 110
	barHeight  = 18
	barGap     = 4
	groupGap   = 16
	plotTop    = 100
	fontFamily = "system-ui, -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif"
)

// writePlots writes the charts into dir, creating it if needed.
func writePlots(dir string, e env, results []result) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	bufs := map[string]*bytes.Buffer{}
	err := renderPlots(func(name string) io.Writer {
		bufs[name] = new(bytes.Buffer)
		return bufs[name]
	}, e, results)
	if err != nil {
		return err
	}
	for name, b := range bufs {
		if err := os.WriteFile(filepath.Join(dir, name), b.Bytes(), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// renderPlots renders each chart into the writer create returns for its
// file name.
func renderPlots(create func(name string) io.Writer, e env, results []result) error {
	if err := speedupChart(create("speedup.svg"), e, results); err != nil {
		return err
	}
	return gcChart(create("gc-cpu.svg"), e, results)
}

// group is one workload's bars.
type group struct {
	workload string
	results  []result
}

func groupResults(results []result, keep func(result) bool) []group {
	var gs []group
	for _, r := range results {
		if !keep(r) {
			continue
		}
		if len(gs) == 0 || gs[len(gs)-1].workload != r.Workload {
			gs = append(gs, group{workload: r.Workload})
		}
		g := &gs[len(gs)-1]
		g.results = append(g.results, r)
	}
	return gs
}

// svg accumulates a chart.
type svg struct {
	b      strings.Builder
	height int
}

var xmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")

func (s *svg) printf(format string, args ...any) { fmt.Fprintf(&s.b, format, args...) }

func (s *svg) text(x, y float64, anchor, style, text string) {
	s.printf(`<text x="%.1f" y="%.1f" text-anchor="%s" %s>%s</text>`+"\n", x, y, anchor, style, xmlEscaper.Replace(text))
}

func (s *svg) rect(x, y, w, h float64, fill string) {
	s.printf(`<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" rx="2" fill="%s"/>`+"\n", x, y, max(w, 0), h, fill)
}

func (s *svg) line(x1, y1, x2, y2 float64, stroke string, width float64) {
	s.printf(`<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="%s" stroke-width="%.1f"/>`+"\n", x1, y1, x2, y2, stroke, width)
}

// layout returns the top of each bar and the plot's bottom.
func layout(gs []group) (tops [][]float64, bottom float64) {
	y := float64(plotTop)
	for _, g := range gs {
		var t []float64
		for range g.results {
			t = append(t, y)
			y += barHeight + barGap
		}
		tops = append(tops, t)
		y += groupGap - barGap
	}
	return tops, y
}

// frame writes the header, title, legend and workload labels, and returns
// the bar positions.
func (s *svg) frame(e env, title, subtitle string, gs []group, variants []string) (tops [][]float64, bottom float64) {
	tops, bottom = layout(gs)
	s.height = int(bottom) + 56
	s.printf(`<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" font-family="%s" font-size="13">`+"\n",
		chartWidth, s.height, chartWidth, s.height, fontFamily)
	s.printf(`<rect width="100%%" height="100%%" fill="#ffffff"/>` + "\n")
	s.text(20, 30, "start", `font-size="18" font-weight="600" fill="#111827"`, title)
	s.text(20, 52, "start", `fill="#6b7280"`, subtitle)
	s.text(20, 70, "start", `font-size="11" fill="#9ca3af"`,
		fmt.Sprintf("%s, %s/%s, %s, GOMAXPROCS=%d, benchtime %s, %s",
			e.GoVersion, e.GOOS, e.GOARCH, orUnknown(e.CPU), e.GOMAXPROCS, e.Benchtime, e.Date))
	// Legend, right-aligned on the title line.
	x := float64(chartWidth - 20)
	for _, v := range slices.Backward(variants) {
		w := float64(7*len(v) + 26)
		x -= w
		s.rect(x, 19, 12, 12, variantColor[v])
		s.text(x+17, 30, "start", `fill="#374151"`, v)
	}
	for i, g := range gs {
		t := tops[i]
		mid := (t[0] + t[len(t)-1] + barHeight) / 2
		s.text(labelRight-12, mid+4.5, "end", `font-weight="600" fill="#111827"`, g.workload)
	}
	return tops, bottom
}

func (s *svg) finish(w io.Writer) error {
	s.printf("</svg>\n")
	_, err := io.WriteString(w, s.b.String())
	return err
}

func variantsOf(gs []group) []string {
	var vs []string
	for _, v := range []string{heapVariant, bumpVariant, arenaVariant} {
		for _, g := range gs {
			if slices.ContainsFunc(g.results, func(r result) bool { return r.Variant == v }) {
				vs = append(vs, v)
				break
			}
		}
	}
	return vs
}

// speedupChart draws each variant's speed-up over the heap on a log scale
// centred on 1x, so that "2x faster" and "2x slower" look alike.
func speedupChart(w io.Writer, e env, results []result) error {
	gs := groupResults(results, func(r result) bool { return r.Variant != heapVariant && r.Speedup > 0 })
	lo, hi := 0.5, 2.0
	for _, g := range gs {
		for _, r := range g.results {
			lo, hi = min(lo, r.Speedup/1.5), max(hi, r.Speedup*1.5)
		}
	}
	llo, lhi := math.Log10(lo), math.Log10(hi)
	x := func(v float64) float64 {
		return labelRight + (math.Log10(v)-llo)/(lhi-llo)*(plotRight-labelRight)
	}

	var s svg
	tops, bottom := s.frame(e, "Speed-up over the Go heap",
		"heap time per operation divided by the variant's (log scale; right of 1x is faster)", gs, variantsOf(gs))

	// Grid and axis: 1, 2, 5 times each power of ten in range.
	for p := math.Floor(llo); p <= math.Ceil(lhi); p++ {
		for _, m := range []float64{1, 2, 5} {
			v := m * math.Pow(10, p)
			if v < lo || v > hi {
				continue
			}
			xv := x(v)
			s.line(xv, plotTop-8, xv, bottom, "#e5e7eb", 1)
			s.text(xv, bottom+18, "middle", `font-size="11" fill="#6b7280"`, fmt.Sprintf("%gx", v))
		}
	}
	x1 := x(1)
	for i, g := range gs {
		for j, r := range g.results {
			y := tops[i][j]
			xv := x(r.Speedup)
			label := formatRatio(r.Speedup) + "x"
			if r.Speedup >= 1 {
				s.rect(x1, y, xv-x1, barHeight, variantColor[r.Variant])
				s.text(xv+6, y+barHeight-4.5, "start", `font-weight="600" fill="#111827"`, label)
			} else {
				s.rect(xv, y, x1-xv, barHeight, variantColor[r.Variant])
				s.text(xv-6, y+barHeight-4.5, "end", `font-weight="600" fill="#b91c1c"`, label)
			}
		}
	}
	s.line(x1, plotTop-8, x1, bottom, "#111827", 1.5)
	s.text(x1, plotTop-12, "middle", `font-size="11" fill="#111827"`, "heap = 1x")
	s.text((labelRight+plotRight)/2, bottom+40, "middle", `fill="#6b7280"`, "speed-up (times faster than the Go heap)")
	return s.finish(w)
}

// gcChart draws each variant's share of CPU spent in garbage collection,
// with the number of collections.
func gcChart(w io.Writer, e env, results []result) error {
	gs := groupResults(results, func(result) bool { return true })
	top := 0.05
	for _, r := range results {
		top = max(top, r.GCCPU*1.15)
	}
	step := niceStep(top)
	top = math.Ceil(top/step) * step
	x := func(f float64) float64 {
		return labelRight + f/top*(plotRight-labelRight)
	}

	var s svg
	tops, bottom := s.frame(e, "Garbage collection during the run",
		"share of CPU spent collecting garbage, and number of collections (lower is better)", gs, variantsOf(gs))
	for f := 0.0; f <= top+step/2; f += step {
		xv := x(f)
		s.line(xv, plotTop-8, xv, bottom, "#e5e7eb", 1)
		s.text(xv, bottom+18, "middle", `font-size="11" fill="#6b7280"`, fmt.Sprintf("%.0f%%", 100*f))
	}
	for i, g := range gs {
		for j, r := range g.results {
			y := tops[i][j]
			xv := x(r.GCCPU)
			// A zero share still gets a sliver, so the colour tells
			// whose row it is.
			s.rect(x(0), y, max(xv-x(0), 3), barHeight, variantColor[r.Variant])
			gcs := "GCs"
			if r.GCCycles == 1 {
				gcs = "GC"
			}
			s.text(max(xv, x(0)+3)+6, y+barHeight-4.5, "start", `fill="#111827"`,
				fmt.Sprintf("%.1f%%  (%d %s)", 100*r.GCCPU, r.GCCycles, gcs))
		}
	}
	s.line(x(0), plotTop-8, x(0), bottom, "#111827", 1.5)
	s.text((labelRight+plotRight)/2, bottom+40, "middle", `fill="#6b7280"`, "GC CPU share (of GOMAXPROCS x wall time)")
	return s.finish(w)
}

// niceStep returns a grid step of 1, 2 or 5 times a power of ten giving
// four to ten lines up to top.
func niceStep(top float64) float64 {
	p := math.Pow(10, math.Floor(math.Log10(top)))
	for _, m := range []float64{0.1, 0.2, 0.5, 1, 2, 5} {
		if top/(m*p) <= 10 {
			return m * p
		}
	}
	return 10 * p
}
