// Command server is an HTTP service that handles each request in an arena
// of its own, taken from a bump.Pool: everything the request needs (its
// body, the decoded JSON tree, a hash map of counts, the response) is
// allocated in the arena and freed at once when the arena goes back to the
// pool, so steady-state requests leave almost nothing for the garbage
// collector.
//
// Usage:
//
//	go run ./examples/server [-addr :8080]
//	curl --data-binary @document.json localhost:8080/summarize
//
// POST /summarize takes a JSON document and answers with a JSON summary:
// the number of values of each kind, the nesting depth, and the most
// frequent object keys. POST /orders takes a typed batch of orders,
// decoded with bumpjson into the request's arena, and answers with the
// totals per customer, encoded from the same arena.
package main

import (
	"flag"
	"log"
	"net/http"
	"time"
)

func main() {
	addr := flag.String("addr", "localhost:8080", "listen on `address`")
	flag.Parse()

	mux := http.NewServeMux()
	mux.Handle("/summarize", NewSummarizer(DefaultMaxBody))
	mux.Handle("/orders", NewOrders(DefaultMaxBody))
	srv := &http.Server{
		Addr:              *addr,
		Handler:           mux,
		ReadHeaderTimeout: 10 * time.Second,
	}
	log.Printf("listening on %s; POST JSON to /summarize or /orders", *addr)
	log.Fatal(srv.ListenAndServe())
}
