package bench

import (
	"fmt"
	"testing"

	tbtree "github.com/tidwall/btree"

	"github.com/bumpkit/bumpkit/bump"
)

// BenchmarkBTree compares bumpkit's btree.Map, on the Go heap and in an
// arena, with tidwall/btree and google/btree. insert builds a map of n
// keys from empty (the arena one is Reset first; Clear would keep the
// nodes); get looks up all n keys; ascend walks all n entries; churn
// deletes n/2 keys and inserts n/2 others into a map of n. Every op does
// n operations: divide ns/op by n for the time per key. Compare the
// ratios of the sub-benchmarks of one run (docs/benchmarks.md).
func BenchmarkBTree(b *testing.B) {
	for _, n := range BTreeSizes {
		keys := BTreeKeys(n)
		probe := BTreeKeys(n)
		size := fmt.Sprintf("%dk", n/1000)
		b.Run("insert-"+size+"/tidwall", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				var m tbtree.Map[int, int]
				FillTidwall(&m, keys)
			}
		})
		b.Run("insert-"+size+"/google", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				FillGoogle(NewGoogle(), keys)
			}
		})
		b.Run("insert-"+size+"/heap", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				FillBK(NewBK(nil), keys)
			}
		})
		b.Run("insert-"+size+"/arena", func(b *testing.B) {
			b.ReportAllocs()
			var a bump.Bump
			for b.Loop() {
				a.Reset()
				FillBK(NewBK(&a), keys)
			}
		})

		var tm tbtree.Map[int, int]
		FillTidwall(&tm, keys)
		gm := NewGoogle()
		FillGoogle(gm, keys)
		hm := NewBK(nil)
		FillBK(hm, keys)
		var arena bump.Bump
		am := NewBK(&arena)
		FillBK(am, keys)

		b.Run("get-"+size+"/tidwall", func(b *testing.B) {
			for b.Loop() {
				GetTidwall(&tm, probe)
			}
		})
		b.Run("get-"+size+"/google", func(b *testing.B) {
			for b.Loop() {
				GetGoogle(gm, probe)
			}
		})
		b.Run("get-"+size+"/heap", func(b *testing.B) {
			for b.Loop() {
				GetBK(hm, probe)
			}
		})
		b.Run("get-"+size+"/arena", func(b *testing.B) {
			for b.Loop() {
				GetBK(am, probe)
			}
		})
		b.Run("ascend-"+size+"/tidwall", func(b *testing.B) {
			for b.Loop() {
				AscendTidwall(&tm)
			}
		})
		b.Run("ascend-"+size+"/google", func(b *testing.B) {
			for b.Loop() {
				AscendGoogle(gm)
			}
		})
		b.Run("ascend-"+size+"/heap", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				AscendBK(hm)
			}
		})
		b.Run("ascend-"+size+"/arena", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				AscendBK(am)
			}
		})
		// Churn moves keys between two halves: the ones in the map and the
		// ones out of it, swapped at every op.
		in, out := keys[:n/2], make([]int, n/2)
		for i := range out {
			out[i] = keys[i] + 1
		}
		churn := func(b *testing.B, del, ins []int, f func(del, ins []int)) {
			b.ReportAllocs()
			for b.Loop() {
				f(del, ins)
				del, ins = ins, del
			}
		}
		var tc tbtree.Map[int, int]
		FillTidwall(&tc, in)
		b.Run("churn-"+size+"/tidwall", func(b *testing.B) {
			churn(b, in, out, func(d, i []int) { ChurnTidwall(&tc, d, i) })
		})
		gc := NewGoogle()
		FillGoogle(gc, in)
		b.Run("churn-"+size+"/google", func(b *testing.B) {
			churn(b, in, out, func(d, i []int) { ChurnGoogle(gc, d, i) })
		})
		hc := NewBK(nil)
		FillBK(hc, in)
		b.Run("churn-"+size+"/heap", func(b *testing.B) {
			churn(b, in, out, func(d, i []int) { ChurnBK(hc, d, i) })
		})
		var ca bump.Bump
		ac := NewBK(&ca)
		FillBK(ac, in)
		b.Run("churn-"+size+"/arena", func(b *testing.B) {
			churn(b, in, out, func(d, i []int) { ChurnBK(ac, d, i) })
		})
	}
}

// TestBTreeWorkloadsAgree checks that the implementations hold the same
// entries after the same fills and churns.
func TestBTreeWorkloadsAgree(t *testing.T) {
	keys := BTreeKeys(5000)
	var tm tbtree.Map[int, int]
	FillTidwall(&tm, keys)
	gm := NewGoogle()
	FillGoogle(gm, keys)
	for _, a := range []bump.Allocator{nil, new(bump.Bump)} {
		m := NewBK(a)
		FillBK(m, keys)
		for _, impl := range []func(){func() { AscendTidwall(&tm) }, func() { AscendGoogle(gm) }, func() { AscendBK(m) }} {
			BTreeSink = 0
			impl()
			if impl(); BTreeSink == 0 {
				t.Fatal("empty walk")
			}
		}
		BTreeSink = 0
		AscendBK(m)
		want := BTreeSink
		BTreeSink = 0
		AscendTidwall(&tm)
		if BTreeSink != want {
			t.Errorf("tidwall sum %d, bumpkit %d", BTreeSink, want)
		}
		BTreeSink = 0
		AscendGoogle(gm)
		if BTreeSink != want {
			t.Errorf("google sum %d, bumpkit %d", BTreeSink, want)
		}
		BTreeSink = 0
		GetBK(m, keys)
		want = BTreeSink
		BTreeSink = 0
		GetTidwall(&tm, keys)
		if BTreeSink != want {
			t.Errorf("tidwall get sum %d, bumpkit %d", BTreeSink, want)
		}
	}
}
