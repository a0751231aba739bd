package deque

import "fmt"

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
