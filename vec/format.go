package vec

import "fmt"

// Format implements [fmt.Formatter]: v prints exactly as the slice of its
// elements does, for every verb and flag (%v, %+v, %#v, %d, %q, %x,
// width and precision...). An empty Vec prints as an empty slice ([]int{}
// with %#v), and a nil *Vec as a nil slice ([]int(nil) with %#v), as
// with encoding/json, where they give [] and null. (fmt handles %T and %p
// itself: they print the *Vec.)
func (v *Vec[T]) Format(f fmt.State, verb rune) {
	fmt.Fprintf(f, fmt.FormatString(f, verb), v.view())
}

// view returns v.Slice(), but never nil for a non-nil v: formatting and
// encoding tell a nil *Vec from an empty Vec, whether or not it has
// storage.
func (v *Vec[T]) view() []T {
	s := v.Slice()
	if s == nil && v != nil {
		s = []T{}
	}
	return s
}

// String returns v's elements formatted like a slice with %v: [1 2 3].
func (v *Vec[T]) String() string {
	return fmt.Sprint(v.view())
}
