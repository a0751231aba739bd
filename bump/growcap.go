package bump

// GrowCap returns the capacity a growable container should move to when it
// has capacity oldCap and needs room for at least needed elements. If
// needed is at most oldCap, no growth is needed and it returns oldCap
// (so GrowCap(0, 0) is 0 and GrowCap(2, 2) is 2). Otherwise it follows
// append (runtime.growslice): a request beyond twice the old capacity gets
// exactly what it needs, small capacities double, and capacities from 256
// on grow by about a quarter; and it returns at least 4, so that tiny
// containers do not grow one element at a time. If the growth would
// overflow an int, it returns needed.
func GrowCap(oldCap, needed int) int {
	if needed <= oldCap {
		return oldCap
	}
	const threshold = 256
	newCap := oldCap
	switch {
	case needed > 2*oldCap:
		newCap = needed
	case oldCap < threshold:
		newCap = 2 * oldCap
	default:
		for newCap < needed && newCap > 0 {
			newCap += (newCap + 3*threshold) >> 2
		}
		if newCap <= 0 { // overflow
			newCap = needed
		}
	}
	return max(newCap, 4)
}
