package bump

import (
	"sync"
	"sync/atomic"
)

// DefaultMaxRetained is the retained-size cap a [Pool] uses when its
// MaxRetained field is zero: 4 MiB, enough for the working memory of a
// typical request while bounding what an idle pool holds per processor.
const DefaultMaxRetained = 4 << 20

// A Pool is a set of reusable arenas, for code that needs a fresh [Bump]
// per unit of work (an HTTP request, a message, a parse) without paying
// for new chunks each time. [Pool.Get] takes an arena, [Pool.Put] resets
// it and gives it back.
//
// A Pool is safe for concurrent use by multiple goroutines; the arenas it
// hands out are not, and each must be used by one goroutine at a time
// until it is put back. Like [sync.Pool], on which it is built, a Pool may
// release idle arenas at any time (at garbage collections), so it bounds
// memory without any tuning; MaxRetained additionally stops one unusually
// large request from pinning a huge arena for the life of the program.
//
// The zero value is ready to use. A Pool must not be copied after first
// use.
type Pool struct {
	// MaxRetained is the largest arena, in bytes as reported by
	// [Bump.AllocatedBytes] after its reset, that Put keeps for reuse.
	// Larger arenas are dropped for the garbage collector to reclaim.
	// Zero means DefaultMaxRetained; a negative value means no cap.
	MaxRetained int

	// New optionally returns a new arena when the pool has none to hand
	// out, for example one made with WithCapacity or with an allocation
	// limit. If New is nil, Get returns a zero Bump.
	New func() *Bump

	pool    sync.Pool
	created atomic.Uint64
	dropped atomic.Uint64
}

// PoolStats counts the rare events of a [Pool]: a high Dropped count
// relative to Created suggests raising MaxRetained, a steadily growing
// Created count suggests arenas are not being put back.
type PoolStats struct {
	// Created is the number of arenas Get had to create.
	Created uint64
	// Dropped is the number of arenas Put did not keep because they
	// exceeded MaxRetained.
	Dropped uint64
}

// Get returns an arena with nothing allocated in it: one previously given
// to [Pool.Put], or a new one from New (or a zero Bump) if there is none.
// The caller owns it until it passes it to Put.
func (p *Pool) Get() *Bump {
	if b, ok := p.pool.Get().(*Bump); ok {
		b.pooled.Store(false)
		return b
	}
	p.created.Add(1)
	if p.New != nil {
		if b := p.New(); b != nil {
			return b
		}
	}
	return new(Bump)
}

// Put resets b with [Bump.Reset], running its cleanups, and keeps it for a
// later [Pool.Get] unless it still holds more than MaxRetained bytes, in
// which case it is dropped. Put(nil) does nothing.
//
// The caller must not use b, or any memory allocated from it, after Put.
// Put does not change b's allocation limit; set limits in New.
//
// Put panics if b is already in a pool (put back twice without a Get in
// between), which would otherwise let two later Gets return the same
// arena to two goroutines. The check is one atomic swap, so it also
// catches two goroutines putting the same arena at once.
func (p *Pool) Put(b *Bump) {
	if b == nil {
		return
	}
	if b.pooled.Swap(true) {
		panic("bump: Pool.Put: arena already in the pool")
	}
	// Reset even an arena about to be dropped: its cleanups must run, and
	// after Reset AllocatedBytes is what would actually be retained (the
	// largest chunks), not what the request happened to use.
	reset := false
	defer func() {
		if !reset { // a cleanup panicked: b is reset but not kept
			b.pooled.Store(false)
		}
	}()
	b.Reset()
	reset = true
	if limit := p.maxRetained(); limit >= 0 && b.AllocatedBytes() > limit {
		p.dropped.Add(1)
		b.pooled.Store(false) // not in the pool after all
		return
	}
	p.pool.Put(b)
}

// Stats returns counts of the arenas p created and dropped so far.
func (p *Pool) Stats() PoolStats {
	return PoolStats{Created: p.created.Load(), Dropped: p.dropped.Load()}
}

func (p *Pool) maxRetained() int {
	if p.MaxRetained == 0 {
		return DefaultMaxRetained
	}
	return p.MaxRetained
}
