package str_test

import "github.com/bumpkit/bumpkit/internal/lifecheck"

// lifecheckEnabled is set in the checked build, which allocates to track
// lifetimes: allocation counts are only checked without it.
const lifecheckEnabled = lifecheck.Enabled
