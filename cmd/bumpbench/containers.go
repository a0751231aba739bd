package main

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

const (
	vecPushes   = 10_000
	strParts    = 256
	mapKeys     = 1_000
	queueVisits = 10_000
)

func containerWorkloads() []*workload {
	return []*workload{
		{
			name: "vec",
			desc: fmt.Sprintf("push %d ints into an empty vector (vec.Vec vs append)", vecPushes),
			variants: []variant{
				{heapVariant, func(b *testing.B) {
					b.ReportAllocs()
					for b.Loop() {
						var s []int
						for i := range vecPushes {
							s = append(s, i)
						}
						sinkInt = s[len(s)-1]
					}
				}},
				{bumpVariant, func(b *testing.B) {
					b.ReportAllocs()
					var a bump.Bump
					for b.Loop() {
						v := vec.New[int](&a)
						for i := range vecPushes {
							v.Push(i)
						}
						sinkInt = v.At(v.Len() - 1)
						a.Reset()
					}
				}},
			},
		},
		{
			name: "str",
			desc: fmt.Sprintf("build a string from %d formatted parts (str.String vs strings.Builder)", strParts),
			variants: []variant{
				{heapVariant, func(b *testing.B) {
					b.ReportAllocs()
					var num [20]byte
					for b.Loop() {
						var sb strings.Builder
						for i := range strParts {
							sb.WriteString("field")
							sb.Write(strconv.AppendInt(num[:0], int64(i), 10))
							sb.WriteByte('=')
							sb.WriteString(reqFields[i%len(reqFields)])
							sb.WriteByte(';')
						}
						sinkString = sb.String()
					}
				}},
				{bumpVariant, func(b *testing.B) {
					b.ReportAllocs()
					var a bump.Bump
					var num [20]byte
					for b.Loop() {
						s := str.New(&a)
						for i := range strParts {
							s.WriteString("field")
							s.Write(strconv.AppendInt(num[:0], int64(i), 10))
							s.WriteByte('=')
							s.WriteString(reqFields[i%len(reqFields)])
							s.WriteByte(';')
						}
						sinkString = s.String()
						a.Reset()
					}
					sinkString = ""
				}},
			},
		},
		{
			name: "hashmap",
			desc: fmt.Sprintf("insert %d int keys, then look each up (hashmap.Map vs map)", mapKeys),
			variants: []variant{
				{heapVariant, func(b *testing.B) {
					b.ReportAllocs()
					for b.Loop() {
						m := map[int]int{}
						for i := range mapKeys {
							m[i*7919] = i
						}
						sum := 0
						for i := range mapKeys {
							sum += m[i*7919]
						}
						sinkInt = sum
					}
				}},
				{bumpVariant, func(b *testing.B) {
					b.ReportAllocs()
					var a bump.Bump
					for b.Loop() {
						m := hashmap.New[int, int](&a)
						for i := range mapKeys {
							m.Set(i*7919, i)
						}
						sum := 0
						for i := range mapKeys {
							v, _ := m.Get(i * 7919)
							sum += v
						}
						sinkInt = sum
						a.Reset()
					}
				}},
			},
		},
		{
			name: "deque",
			desc: fmt.Sprintf("breadth-first walk of %d nodes of a binary tree through a FIFO queue (deque.Deque vs a slice)", queueVisits),
			variants: []variant{
				{heapVariant, func(b *testing.B) {
					b.ReportAllocs()
					for b.Loop() {
						q := []int{0}
						sum := 0
						for range queueVisits {
							x := q[0]
							q = q[1:]
							sum += x
							q = append(q, 2*x+1, 2*x+2)
						}
						sinkInt = sum
					}
				}},
				{bumpVariant, func(b *testing.B) {
					b.ReportAllocs()
					var a bump.Bump
					for b.Loop() {
						q := deque.New[int](&a)
						q.PushBack(0)
						sum := 0
						for range queueVisits {
							x, _ := q.PopFront()
							sum += x
							q.PushBack(2*x + 1)
							q.PushBack(2*x + 2)
						}
						sinkInt = sum
						a.Reset()
					}
				}},
			},
		},
	}
}
