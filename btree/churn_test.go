package btree_test

import (
	"math/rand/v2"
	"testing"

	"github.com/bumpkit/bumpkit/btree"
	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/internal/lifecheck"
)

// TestChurnStaysBounded measures the goal of a long-lived map in an arena
// that is never reset: with 10k live entries, the arena's bytes after 1M
// delete/insert pairs are at most twice those after 20k, because deleted
// nodes are reused. It prints the figures (go test -v -run Churn).
func TestChurnStaysBounded(t *testing.T) {
	const live = 10_000
	pairs := 1_000_000
	if testing.Short() || lifecheck.Enabled { // the checked build verifies the tree as it goes
		pairs = 100_000
	}
	var b bump.Bump
	m := btree.New[int, int](&b)
	r := rand.New(rand.NewPCG(1, 2))
	keys := make([]int, live)
	for i := range keys {
		keys[i] = r.Int()
		m.Set(keys[i], i)
	}
	var at20k int
	for p := range pairs {
		j := r.IntN(live)
		m.Delete(keys[j])
		keys[j] = r.Int()
		m.Set(keys[j], p)
		if p+1 == 20_000 {
			at20k = b.AllocatedBytes()
		}
	}
	end := b.AllocatedBytes()
	t.Logf("%d live entries: %d arena bytes after 20k delete/insert pairs, %d after %d (%.2fx)",
		live, at20k, end, pairs, float64(end)/float64(at20k))
	if m.Len() != live {
		t.Fatalf("Len = %d, want %d", m.Len(), live)
	}
	if end > 2*at20k {
		t.Fatalf("arena grew from %d to %d bytes under churn", at20k, end)
	}
}
