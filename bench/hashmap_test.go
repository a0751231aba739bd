package bench

import "testing"

// BenchmarkMap runs each of MapWorkloads for each implementation, in the
// same run; ns/op-each is the cost of one lookup, entry or addition.
//
//	cd bench && go test -run x -bench Map -count 6 .
func BenchmarkMap(b *testing.B) {
	for _, w := range MapWorkloads {
		b.Run(w.Name, func(b *testing.B) {
			for _, impl := range w.Build() {
				b.Run("impl="+impl.Name, func(b *testing.B) {
					for b.Loop() {
						impl.Run()
					}
					b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(w.Ops), "ns/op-each")
				})
			}
		})
	}
}
