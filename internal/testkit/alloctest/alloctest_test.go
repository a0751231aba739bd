package alloctest

import (
	"errors"
	"testing"

	"github.com/bumpkit/bumpkit/bump"
)

// TestSmallBumpCrossesEarly checks that SmallBump does what the container
// tests rely on: a small allocation fits, and growing it needs a new chunk.
func TestSmallBumpCrossesEarly(t *testing.T) {
	b := SmallBump()
	if got := b.ChunkCapacity(); got != SmallRoom {
		t.Fatalf("ChunkCapacity() = %d, want %d", got, SmallRoom)
	}
	held := b.AllocatedBytes()
	s, err := bump.AllocateSlice[int32](b, 4)
	if err != nil || b.AllocatedBytes() != held {
		t.Fatalf("a 16-byte allocation took a chunk (err %v)", err)
	}
	if _, err := bump.ResizeSlice(b, s, 32); err != nil {
		t.Fatal(err)
	}
	if b.AllocatedBytes() == held {
		t.Fatalf("growing to 128 bytes did not cross into a new chunk")
	}
}

func TestCatch(t *testing.T) {
	want := errors.New("x")
	if err := Catch(func() { panic(want) }); err != want {
		t.Errorf("Catch(panic(err)) = %v", err)
	}
	if err := Catch(func() { panic("text") }); err == nil || err.Error() != "non-error panic: text" {
		t.Errorf("Catch(panic(string)) = %v", err)
	}
	if err := Catch(func() {}); err != nil {
		t.Errorf("Catch(no panic) = %v", err)
	}
}
