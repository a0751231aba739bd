package bump

// GrowCap returns the capacity a growable container should move to when it
// holds oldCap elements and needs room for at least needed. It follows
// append (runtime.growslice): a request beyond twice the old capacity gets
// exactly what it needs, small capacities double, and capacities from 256
// on grow by about a quarter. It never returns less than 4, so that tiny
// containers do not grow one element at a time.
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
