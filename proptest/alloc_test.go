package proptest

import (
	"errors"
	"fmt"
	"testing"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/internal/testkit/alloctest"
)

// An allocEnv is one of the allocators every container is tested with,
// alloctest.All: the Go heap (nil and bump.Heap), a Bump, a Bump whose
// chunk is nearly full, and a Bump with a tight allocation limit, under
// which operations must fail cleanly.
type allocEnv struct {
	name string
	b    *bump.Bump // nil for the Go heap
	a    bump.Allocator
}

func (e allocEnv) limited() bool { return e.b != nil && e.b.AllocationLimit() >= 0 }

// envNames are the names of alloctest.All, in order.
var envNames = func() []string {
	var names []string
	for _, a := range alloctest.All {
		names = append(names, a.Name)
	}
	return names
}()

func newEnv(name string) allocEnv {
	for _, k := range alloctest.All {
		if k.Name == name {
			a := k.New()
			b, _ := a.(*bump.Bump)
			return allocEnv{name: name, b: b, a: a}
		}
	}
	panic("unknown allocator " + name)
}

// forEachEnv runs a container's model test once per allocator.
func forEachEnv(t *testing.T, kinds []opKind, newMachine func(env allocEnv) machine) {
	for _, name := range envNames {
		t.Run(name, func(t *testing.T) {
			checkMachine(t, name, kinds, func() machine { return newMachine(newEnv(name)) })
		})
	}
}

// failed sorts the error of a fallible operation: nil (it succeeded), a
// legitimate failure (the limited arena refused; failed is true), or a
// bug, returned as bug.
func (e allocEnv) failed(err error) (failed bool, bug error) {
	switch {
	case err == nil:
		return false, nil
	case !errors.Is(err, bump.ErrAllocationLimit):
		return true, fmt.Errorf("unexpected error: %v", err)
	case !e.limited():
		return true, fmt.Errorf("allocation limit error without a limit: %v", err)
	}
	return true, nil
}

// fallible applies a fallible operation's outcome to a model: if the
// operation failed as the limit allows, the model stays as it is (failed
// operations must leave the container unchanged); if it succeeded, update
// brings the model along. It returns the bug err reveals, if any.
func (e allocEnv) fallible(err error, update func()) error {
	failed, bug := e.failed(err)
	if bug == nil && !failed {
		update()
	}
	return bug
}

// checkArena checks what holds for the arena under any container: its
// limit is respected.
func (e allocEnv) checkArena() error {
	if e.b == nil {
		return nil
	}
	if l := e.b.AllocationLimit(); l >= 0 && e.b.AllocatedBytes() > l {
		return fmt.Errorf("arena holds %d bytes, beyond its limit %d", e.b.AllocatedBytes(), l)
	}
	return nil
}
