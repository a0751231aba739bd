package pqueue_test

import (
	"encoding/json"
	"fmt"
	"slices"
	"testing"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/pqueue"
)

// TestFormatAndJSON checks that a Queue prints and encodes as the slice
// of its elements in pop order, and decodes from an array.
func TestFormatAndJSON(t *testing.T) {
	q := pqueue.New[string](new(bump.Bump))
	for _, s := range []string{"pear", "fig", "apple", "<b>"} {
		q.Push(s)
	}
	sorted := []string{"<b>", "apple", "fig", "pear"}
	for _, verb := range []string{"%v", "%#v", "%q", "%x", "%6v"} {
		if got, want := fmt.Sprintf(verb, q), fmt.Sprintf(verb, sorted); got != want {
			t.Errorf("Sprintf(%q) = %q, want %q", verb, got, want)
		}
	}
	got, err := json.Marshal(q)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := json.Marshal(sorted)
	if string(got) != string(want) {
		t.Fatalf("Marshal = %s, want %s", got, want)
	}
	if q.Len() != 4 {
		t.Fatal("encoding changed the queue")
	}
	var nilQ *pqueue.Queue[int]
	if got, _ := json.Marshal(nilQ); string(got) != "null" {
		t.Fatalf("nil queue encodes as %s", got)
	}
	if fmt.Sprintf("%#v", nilQ) != "[]int(nil)" {
		t.Fatalf("nil queue prints as %#v", nilQ)
	}

	d := pqueue.New[int](nil)
	d.Push(100)
	if err := json.Unmarshal([]byte(`[5, 3, 9, 1]`), d); err != nil {
		t.Fatal(err)
	}
	if got := slices.Collect(d.Drain()); !slices.Equal(got, []int{1, 3, 5, 9}) {
		t.Fatalf("decoded queue pops %v", got)
	}
	d.Push(7)
	if err := json.Unmarshal([]byte(`[1, "x"]`), d); err == nil {
		t.Fatal("bad array decoded")
	}
	if err := json.Unmarshal([]byte(`null`), d); err != nil || d.Len() != 1 {
		t.Fatalf("null: %v, Len %d", err, d.Len())
	}
	var holder struct{ Q *pqueue.Queue[int] }
	if err := json.Unmarshal([]byte(`{"Q":[1]}`), &holder); err == nil {
		t.Fatal("decoded into a zero Queue")
	}
}
