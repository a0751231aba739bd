package bumpjson

import (
	"encoding/json"
	"io"
	"sync"

	"github.com/bumpkit/bumpkit/bump"
)

// Append appends the JSON encoding of v to dst, exactly as json.Marshal
// encodes it, and returns the extended slice. dst grows in a (the Go heap
// if a is nil): pass nil or a slice that Append or [bump.AllocateSlice]
// returned from a, so that it can grow in place. On error dst is returned
// unchanged (with its contents as they were) along with encoding/json's
// error.
//
// The encoding itself is encoding/json's, run in a buffer that is pooled
// and reused: once warm, Append takes from the Go heap only what
// encoding/json allocates besides its output (sorting a map's keys, the
// results of MarshalJSON methods), not the output itself.
func Append(a bump.Allocator, dst []byte, v any) ([]byte, error) {
	w := appendWriter{a: a, dst: dst}
	if err := Encode(&w, v); err != nil {
		return dst, err
	}
	return w.dst, w.err
}

// Encode writes the JSON encoding of v to w, exactly as json.Marshal
// encodes it, in a single Write, without a trailing newline. It is meant
// for writers whose storage is in an arena, such as a *str.String made
// with one: the encoding is made in a pooled buffer and copied to w, so
// that the Go heap does not hold the output.
func Encode(w io.Writer, v any) error {
	e := encoders.Get().(*encoder)
	e.w.w = w
	err := e.enc.Encode(v)
	if err == nil {
		err = e.w.err
	}
	e.w = forward{}
	encoders.Put(e)
	return err
}

// An encoder is a json.Encoder bound to a forward whose target changes
// from one call to the next.
type encoder struct {
	enc *json.Encoder
	w   forward
}

var encoders = sync.Pool{New: func() any {
	e := new(encoder)
	e.enc = json.NewEncoder(&e.w)
	return e
}}

// forward passes on what a json.Encoder writes, less the newline Encode
// ends every value with: what remains is json.Marshal's output.
type forward struct {
	w   io.Writer
	err error
}

func (f *forward) Write(b []byte) (int, error) {
	if n := len(b); n > 0 && b[n-1] == '\n' {
		b = b[:n-1]
	}
	_, f.err = f.w.Write(b)
	return len(b) + 1, f.err
}

// appendWriter appends to a slice whose storage comes from a.
type appendWriter struct {
	a   bump.Allocator
	dst []byte
	err error
}

func (w *appendWriter) Write(b []byte) (int, error) {
	n := len(w.dst)
	if need := n + len(b); need > cap(w.dst) {
		grown, err := bump.ResizeSlice(w.a, w.dst, bump.GrowCap(cap(w.dst), need))
		if err != nil {
			w.err = err
			return 0, err
		}
		w.dst = grown
	}
	w.dst = append(w.dst, b...)
	return len(b), nil
}
