// Package benchpeers times the official Go builder (go-tokenbuilder v1.5.0) on the token that
// countersign's JMH benchmarks build: run it with `go test -bench . -benchmem`.
package benchpeers
