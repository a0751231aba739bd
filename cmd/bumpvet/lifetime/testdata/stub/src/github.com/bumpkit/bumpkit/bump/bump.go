// Package bump is a stand-in for bumpkit's, with the fork/join API issue
// 22 suggests, for testing how bumpvet treats forked arenas before that
// API exists. Only the signatures matter.
package bump

type Bump struct{ n int }

func New[T any](b *Bump) *T { return new(T) }

func String(b *Bump, s string) string { return s }

func (b *Bump) Reset() {}

// Fork returns a child arena for another goroutine.
func (b *Bump) Fork() *Bump { return &Bump{} }

// Join hands everything the child allocated to b.
func (b *Bump) Join(child *Bump) {}
