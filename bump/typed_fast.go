//go:build !bumpdebug

package bump

// typedFast enables the inlined fast paths of [Typed]. The checked build
// turns them off, so that every allocation through a handle takes the
// Bump's own path and meets its checks.
const typedFast = true
