package pqueue

import (
	"encoding/json"
	"fmt"
	"slices"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/bumpjson"
)

// sorted returns q's elements in the order Pop would return them, in a
// new slice on the Go heap (nil for a nil q, empty for an empty one).
func (q *Queue[T]) sorted() []T {
	if q == nil {
		return nil
	}
	q.check()
	s := make([]T, len(q.s))
	q.sortInto(s)
	return s
}

// sortInto copies q's elements into s, of their number, in the order Pop
// would return them.
func (q *Queue[T]) sortInto(s []T) {
	copy(s, q.s)
	if q.less != nil {
		slices.SortFunc(s, func(a, b T) int {
			switch {
			case q.less(a, b):
				return -1
			case q.less(b, a):
				return 1
			}
			return 0
		})
	}
}

// MarshalJSON encodes q as a JSON array of its elements in the order Pop
// would return them, as encoding/json encodes a slice; a nil *Queue
// encodes as null. It writes nothing to q.
func (q *Queue[T]) MarshalJSON() ([]byte, error) {
	return bumpjson.MarshalAppender(q)
}

// AppendJSON implements [bumpjson.Appender]: bumpjson encodes q as
// MarshalJSON does, straight to its output, with the sorted copy of the
// elements in the encoding's allocator rather than on the Go heap.
func (q *Queue[T]) AppendJSON(e *bumpjson.EncodeState) error {
	if q == nil {
		return bumpjson.EncodeSlice[T](e, nil)
	}
	q.check()
	a := e.Allocator()
	s, err := bump.AllocateSlice[T](a, len(q.s))
	if err != nil {
		return err
	}
	q.sortInto(s)
	err = bumpjson.EncodeSlice(e, s)
	clear(s)
	bump.FreeSlice(a, s)
	return err
}

// UnmarshalJSON replaces the elements of q with those of the JSON array
// data, as encoding/json fills a slice, taking storage from q's allocator
// when q is too small; JSON null leaves q unchanged. q must have been
// made by a constructor (a nil *Queue field that encoding/json fills with
// a zero Queue gets an error: it would not know the order). On error q is
// unchanged.
func (q *Queue[T]) UnmarshalJSON(data []byte) error {
	if q == nil {
		queueName.PanicNil("UnmarshalJSON") // a write on nil, as every container's
	}
	q.check()
	if q.less == nil {
		return fmt.Errorf("pqueue: UnmarshalJSON: Queue not made by New, NewFunc or NewIndexed")
	}
	q.mutable("UnmarshalJSON")
	var vals []T
	if err := json.Unmarshal(data, &vals); err != nil {
		return fmt.Errorf("pqueue: UnmarshalJSON: %w", err)
	}
	if vals == nil {
		return nil // null
	}
	if err := q.reserve(len(vals)-len(q.s), "UnmarshalJSON"); err != nil {
		return err
	}
	if q.setIndex != nil {
		for _, x := range q.s {
			q.setIndex(x, -1)
		}
	}
	clear(q.s)
	q.s = q.s[:len(vals)]
	copy(q.s, vals)
	q.mods++
	q.heapify()
	return nil
}

// Format prints q as fmt prints the slice of its elements in the order
// Pop would return them, for every verb and flag: fmt.Sprint(q) is
// "[1 2 3]", %#v gives []T{...}. A nil *Queue prints as a nil slice. It
// implements [fmt.Formatter] and writes nothing to q.
func (q *Queue[T]) Format(f fmt.State, verb rune) {
	fmt.Fprintf(f, fmt.FormatString(f, verb), q.sorted())
}

// String returns q formatted like a slice with %v, in pop order: [1 2 3].
func (q *Queue[T]) String() string { return fmt.Sprint(q) }
