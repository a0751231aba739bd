// Package pqueue provides Queue, a priority queue whose storage comes from
// a [bump.Allocator]: a binary heap in one growable slice, the structure
// container/heap builds over a slice, without the interface calls.
//
// # Moving from container/heap
//
//	h := &IntHeap{}; heap.Init(h)         q := pqueue.New[int](a)
//	heap.Push(h, x)                       q.Push(x)
//	x := heap.Pop(h).(int)                x, ok := q.Pop()
//	(*h)[0]                               x, ok := q.Peek()
//	h.Len()                               q.Len()
//	(*h)[i] = x; heap.Fix(h, i)           q.Set(i, x)
//	heap.Fix(h, i), heap.Remove(h, i)     q.Fix(i), q.Remove(i)
//	Less(i, j) on a user type             pqueue.NewFunc(a, less)
//	item.index kept up to date in Swap    pqueue.NewIndexed(a, less, setIndex)
//	for h.Len() > 0 { heap.Pop(h) }       for x := range q.Drain()
//
// [New] orders any cmp.Ordered type with <, compiled into the sift loops
// (NaNs, which < does not order, come first, as with cmp.Less); [NewFunc]
// takes a less function, as container/heap's Less and sort.Slice do. Pop
// and Peek report an empty queue with false (where heap.Pop panics), like
// the deque package's pops.
//
// # Memory
//
// [New], [NewFunc], [NewIndexed] and [Queue.Clone] place the Queue header
// in the allocator as well as its storage, so that a warm arena makes no
// Go-heap allocation per Queue. The storage grows like append's, in place
// when the allocator can resize it (as a [bump.Bump] can for its newest
// allocation), and is never shrunk: a queue that was once large keeps its
// capacity, as a slice does, and [Queue.Clear] keeps it for reuse. A Queue
// allocated in a Bump must not be used after the Bump is reset; with
// -tags bumpdebug such use panics ("pqueue: Queue used after its arena was
// reset").
//
// Pushing when the storage is full panics with an error wrapping the
// allocator's ("pqueue: Push: bump: ...: allocation limit exceeded"),
// leaving q unchanged; after [Queue.TryGrow](n) succeeds, the next n
// pushes cannot fail.
//
// # Order, JSON and fmt
//
// The storage is in heap order: index 0 comes out first, and the rest is
// only partly ordered. [Queue.All] and [Queue.Values] walk it in that
// order, with the indexes Fix, Set, Remove and At take; [Queue.Drain]
// pops in priority order. A Queue marshals to JSON, and prints with fmt,
// as the slice of its elements in the order Pop would return them (equal
// elements in an unspecified order), so that equal queues encode alike
// whatever their history; a nil *Queue as a nil slice. [Queue.UnmarshalJSON]
// replaces the contents with the array's elements.
//
// A nil *Queue reads as an empty queue: Len, Cap, Peek and Pop report
// empty, ranging produces nothing, Clear does nothing, Clone returns nil;
// Push and the other writes panic ("pqueue: Push: write to nil Queue").
//
// # Concurrency
//
// A Queue is not safe for concurrent use with a writer, and must not be
// copied after first use (go vet reports copies); a copy that writes
// panics ("pqueue: Push: Queue copied by value after first use"). Len,
// Cap, Peek, At, All, Values, MarshalJSON and Format write nothing, so any
// number of goroutines may call them at once while none writes.
package pqueue
