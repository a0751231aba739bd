package main

// containerWorkloads returns the workloads comparing bumpkit's containers
// with their builtin counterparts.
func containerWorkloads() []*workload {
	return nil
}
