package workload

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/deque"
	"github.com/bumpkit/bumpkit/hashmap"
	"github.com/bumpkit/bumpkit/str"
	"github.com/bumpkit/bumpkit/vec"
)

// The container workloads compare each bumpkit container, in an arena
// reset after every operation, with the builtin way of doing the same on
// the heap. Both start empty each time: no capacity hints, so growth is
// part of the cost.

// Sizes of one operation of the container workloads.
const (
	VecPushes   = 10_000
	StrParts    = 256
	MapKeys     = 1_000
	QueueVisits = 10_000
)

// Fields are short strings that workloads copy, standing in for a reused
// input buffer: 64 strings of 7 to 33 bytes.
var Fields = func() []string {
	out := make([]string, 64)
	for i := range out {
		out[i] = fmt.Sprintf("field-%d-%s", i, strings.Repeat("x", i%24))
	}
	return out
}()

// VecPushAppend appends VecPushes ints to a nil slice per operation.
func VecPushAppend(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		var s []int
		for i := range VecPushes {
			s = append(s, i)
		}
		sinkInts = s
	}
}

// VecPushBump is VecPushAppend with vec.Vec.Push in an arena reset after
// each operation.
func VecPushBump(b *testing.B) {
	b.ReportAllocs()
	var a bump.Bump
	for b.Loop() {
		v := vec.New[int](&a)
		for i := range VecPushes {
			v.Push(i)
		}
		sinkInts = v.Slice()
		sinkInts = nil
		a.Reset()
	}
}

// The str workload builds a string of StrParts parts "field<i>=<name>;"
// per operation: with fmt.Fprintf into a strings.Builder (the way Go code
// usually formats, the baseline), with strconv into a strings.Builder
// (the fastest the standard library does it), and with str.String, fmt-
// style (str.Fprintf) or with its strconv-style appenders.

// StrFprintfBuilder builds the str workload's string with fmt.Fprintf
// into a strings.Builder.
func StrFprintfBuilder(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		var sb strings.Builder
		for i := range StrParts {
			fmt.Fprintf(&sb, "field%d=%s;", i, Fields[i%len(Fields)])
		}
		sinkString = sb.String()
	}
}

// StrStrconvBuilder builds the str workload's string in a strings.Builder,
// formatting the number with strconv.AppendInt.
func StrStrconvBuilder(b *testing.B) {
	b.ReportAllocs()
	var num [20]byte
	for b.Loop() {
		var sb strings.Builder
		for i := range StrParts {
			sb.WriteString("field")
			sb.Write(strconv.AppendInt(num[:0], int64(i), 10))
			sb.WriteByte('=')
			sb.WriteString(Fields[i%len(Fields)])
			sb.WriteByte(';')
		}
		sinkString = sb.String()
	}
}

// StrFprintfBump builds the str workload's string with str.Fprintf into a
// str.String in an arena reset after each operation.
func StrFprintfBump(b *testing.B) {
	b.ReportAllocs()
	var a bump.Bump
	for b.Loop() {
		s := str.New(&a)
		for i := range StrParts {
			str.Fprintf(s, "field%d=%s;", i, Fields[i%len(Fields)])
		}
		sinkString = s.String()
		sinkString = ""
		a.Reset()
	}
}

// StrAppendHeap builds the str workload's string with the appenders of a
// str.String on the Go heap.
func StrAppendHeap(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		s := str.New(nil)
		appendParts(s)
		sinkString = s.String()
	}
}

// StrAppendBump builds the str workload's string with the appenders of a
// str.String in an arena reset after each operation.
func StrAppendBump(b *testing.B) {
	b.ReportAllocs()
	var a bump.Bump
	for b.Loop() {
		s := str.New(&a)
		appendParts(s)
		sinkString = s.String()
		sinkString = ""
		a.Reset()
	}
}

// appendParts writes the str workload's parts with String's appenders.
func appendParts(s *str.String) {
	for i := range StrParts {
		s.WriteString("field")
		s.AppendInt(int64(i), 10)
		s.WriteByte('=')
		s.WriteString(Fields[i%len(Fields)])
		s.WriteByte(';')
	}
}

// mapKey spreads the keys of the map workload over the int range.
func mapKey(i int) int { return i * 7919 }

// MapHeap inserts MapKeys int keys into an empty builtin map, then looks
// each up, per operation.
func MapHeap(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		m := map[int]int{}
		for i := range MapKeys {
			m[mapKey(i)] = i
		}
		sum := 0
		for i := range MapKeys {
			sum += m[mapKey(i)]
		}
		sinkInt = sum
	}
}

// MapBump is MapHeap with a hashmap.Map in an arena reset after each
// operation.
func MapBump(b *testing.B) {
	b.ReportAllocs()
	var a bump.Bump
	for b.Loop() {
		m := hashmap.New[int, int](&a)
		for i := range MapKeys {
			m.Set(mapKey(i), i)
		}
		sum := 0
		for i := range MapKeys {
			v, _ := m.Get(mapKey(i))
			sum += v
		}
		sinkInt = sum
		a.Reset()
	}
}

// QueueSlice walks QueueVisits nodes of an implicit binary tree
// breadth first per operation, through a FIFO queue made of a slice
// (append at the back, reslice at the front).
func QueueSlice(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		q := []int{0}
		sum := 0
		for range QueueVisits {
			x := q[0]
			q = q[1:]
			sum += x
			q = append(q, 2*x+1, 2*x+2)
		}
		sinkInt = sum
	}
}

// QueueBump is QueueSlice with a deque.Deque in an arena reset after each
// operation.
func QueueBump(b *testing.B) {
	b.ReportAllocs()
	var a bump.Bump
	for b.Loop() {
		q := deque.New[int](&a)
		q.PushBack(0)
		sum := 0
		for range QueueVisits {
			x, _ := q.PopFront()
			sum += x
			q.PushBack(2*x + 1)
			q.PushBack(2*x + 2)
		}
		sinkInt = sum
		a.Reset()
	}
}
