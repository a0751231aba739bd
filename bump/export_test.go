package bump

// CheckedBuild reports whether the tests run in the checked build
// (-tags bumpdebug), where released memory is protected or poisoned
// instead of zeroed for reuse: tests of the normal build's reuse skip or
// adapt their checks with it.
const CheckedBuild = checkedBuild
