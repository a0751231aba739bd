package bumpjson_test

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
	"unsafe"
	"weak"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/bumpjson"
)

// gcPayload is a heap object that decoded arena values refer to. It is
// big enough to be an object of its own.
type gcPayload struct {
	N int
	_ [56]byte
}

// gcItem holds heap objects in the ways decoding can put them in arena
// memory: a Go map (always on the heap) in a struct in a typed arena slab,
// a string made by a user's UnmarshalJSON, a map held in an interface.
type gcItem struct {
	M     map[string]*gcPayload
	J     tJSON
	Any   any
	Inner *gcItem
}

func collect() {
	for range 5 {
		runtime.GC()
	}
}

// TestGCKeepsHeapReferents decodes values whose only references to heap
// objects are in arena memory (the decoded slice of structs, pointers the
// decoder allocated) and checks that a collection keeps those objects,
// and that after Reset the arena no longer keeps them.
func TestGCKeepsHeapReferents(t *testing.T) {
	var sb strings.Builder
	sb.WriteString("[")
	for i := range 200 {
		if i > 0 {
			sb.WriteString(",")
		}
		fmt.Fprintf(&sb, `{"M":{"k":{"N":%d}},"J":"s%d","Any":{"a":%d},"Inner":{"M":{"k":{"N":%d}}}}`, i, i, i, -i)
	}
	sb.WriteString("]")
	data := []byte(sb.String())

	b := new(bump.Bump)
	// The root lives in the arena too, so that nothing on the Go heap or
	// the stack refers to what decoding made.
	root := bump.New[[]gcItem](b)
	weaks := func() []weak.Pointer[gcPayload] {
		if err := bumpjson.Unmarshal(b, data, root); err != nil {
			t.Fatal(err)
		}
		var w []weak.Pointer[gcPayload]
		for _, it := range *root {
			w = append(w, weak.Make(it.M["k"]), weak.Make(it.Inner.M["k"]))
		}
		return w
	}()
	collect()
	for i, w := range weaks {
		if w.Value() == nil {
			t.Fatalf("payload %d was collected while the arena refers to it", i)
		}
	}
	for i, it := range *root {
		if it.M["k"].N != i || it.Inner.M["k"].N != -i || it.J.Got != fmt.Sprintf(`"s%d"`, i) || it.Any.(map[string]any)["a"] != float64(i) {
			t.Fatalf("item %d corrupted after a collection: %+v", i, it)
		}
	}
	// The decoded slice is in typed arena memory, not in byte chunks.
	for c := range b.Chunks() {
		if c.Elem != nil && c.Elem.Size() == unsafe.Sizeof(gcItem{}) && c.Used > 0 {
			goto typed
		}
	}
	t.Fatal("no typed arena chunk of gcItem holds the decoded values")
typed:
	b.Reset()
	collect()
	alive := 0
	for _, w := range weaks {
		if w.Value() != nil {
			alive++
		}
	}
	if alive > 0 {
		t.Errorf("%d of %d payloads still alive after Reset: the arena keeps what it released", alive, len(weaks))
	}
	runtime.KeepAlive(b)
}
