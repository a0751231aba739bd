package deque

import (
	"fmt"
	"math/bits"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/bumpjson"
)

// MarshalJSON encodes d as a JSON array of its elements, front to back,
// as encoding/json encodes a slice; a nil *Deque encodes as null, like a
// nil slice. Whether <, > and & are escaped in strings follows the
// encoder that calls it, as for a slice. It implements [json.Marshaler].
func (d *Deque[T]) MarshalJSON() ([]byte, error) {
	return bumpjson.MarshalAppender(d)
}

// AppendJSON implements [bumpjson.Appender]: bumpjson encodes d as
// MarshalJSON does, straight to its output rather than through a []byte
// on the Go heap.
func (d *Deque[T]) AppendJSON(e *bumpjson.EncodeState) error {
	if d == nil {
		return bumpjson.EncodeSlice[T](e, nil)
	}
	arr := bumpjson.BeginArray[T](e)
	front, back := d.Slices()
	for _, x := range front {
		arr.Add(x)
	}
	for _, x := range back {
		arr.Add(x)
	}
	return arr.End()
}

// UnmarshalJSON replaces the elements of d with those of the JSON array
// data, as encoding/json fills a slice, taking new storage from d's
// allocator when d is too small. It decodes with bumpjson into d's
// allocator, so that the elements' strings and whatever else decoding
// creates come from it too, and a Deque in an arena takes nothing from
// the Go heap to decode (a Go map in the elements excepted: see
// bumpjson). JSON null leaves d unchanged, as is the convention for
// Unmarshalers. On error (data is not an array of T, or the allocator
// cannot provide the storage) d is exactly as it was (what the failed
// decoding allocated stays in the arena until its Reset). Into a nil
// *Deque field, encoding/json makes a Deque on the Go heap; called
// directly on a nil *Deque it panics. It implements [json.Unmarshaler].
func (d *Deque[T]) UnmarshalJSON(data []byte) error {
	if d == nil {
		name.PanicNil("UnmarshalJSON")
	}
	return d.unmarshalJSON(data, "UnmarshalJSON")
}

// UnmarshalJSONIn implements [bumpjson.Unmarshaler]: it is UnmarshalJSON,
// except that a Deque with no allocator and no storage (the zero Deque,
// such as a field of a struct bumpjson decodes) takes a as its allocator
// first.
func (d *Deque[T]) UnmarshalJSONIn(a bump.Allocator, data []byte) error {
	if d == nil {
		name.PanicNil("UnmarshalJSONIn")
	}
	if d.a == nil && len(d.buf) == 0 {
		check(&d.h)
		d.a = a
	}
	return d.unmarshalJSON(data, "UnmarshalJSONIn")
}

func (d *Deque[T]) unmarshalJSON(data []byte, fn string) error {
	check(&d.h)
	// Decoding into a fresh slice keeps the container unchanged whatever
	// decoding gets through before an error.
	vals, err := bumpjson.UnmarshalSlice[T](d.a, data)
	if err != nil {
		return name.Wrap(fn, err)
	}
	if vals == nil {
		return nil // null
	}
	if len(vals) > len(d.buf) {
		if len(vals) > maxCap {
			return fmt.Errorf("deque: %s: %d elements: %w", fn, len(vals), bump.ErrInvalidSize)
		}
		d.h.Own(name, fn)
		buf, err := bump.AllocateSlice[T](d.a, 1<<bits.Len(uint(len(vals)-1)))
		if err != nil {
			return name.Wrap(fn, err)
		}
		bump.FreeSlice(d.a, d.buf)
		d.buf = buf
		d.h.Store(d.a)
	} else {
		front, back := d.Slices()
		clear(front)
		clear(back)
	}
	d.head = 0
	d.n = copy(d.buf, vals)
	d.mods++
	d.checkInvariants()
	return nil
}

// appendTo appends the elements of d, front to back, to s.
func (d *Deque[T]) appendTo(s []T) []T {
	front, back := d.Slices()
	return append(append(s, front...), back...)
}

// Format prints d as fmt prints the slice of its elements, front to back,
// for every verb and flag: fmt.Sprint(d) is "[1 2 3]", %q quotes each
// string, %#v gives []T{...}. A nil *Deque prints as an empty slice. It
// implements [fmt.Formatter].
func (d *Deque[T]) Format(f fmt.State, verb rune) {
	var s []T
	if d != nil {
		s = d.appendTo(make([]T, 0, d.Len()))
	}
	fmt.Fprintf(f, fmt.FormatString(f, verb), s)
}

// String returns d's elements formatted like a slice with %v: [1 2 3].
func (d *Deque[T]) String() string {
	return fmt.Sprint(d)
}
