package main

import (
	"cmp"
	"net/http"
	"slices"

	"github.com/bumpkit/bumpkit/bump"
	"github.com/bumpkit/bumpkit/bumpjson"
	"github.com/bumpkit/bumpkit/hashmap"
	"github.com/bumpkit/bumpkit/vec"
)

// An OrderBatch is the request of POST /orders: a typed document decoded
// with bumpjson into the request's arena.
type OrderBatch struct {
	Currency string  `json:"currency"`
	Orders   []Order `json:"orders"`
}

// An Order is one order of a batch.
type Order struct {
	ID       int64    `json:"id"`
	Customer string   `json:"customer"`
	Lines    []Line   `json:"lines"`
	Tags     []string `json:"tags,omitempty"`
}

// A Line is one line of an order.
type Line struct {
	SKU      string  `json:"sku"`
	Quantity int     `json:"qty"`
	Price    float64 `json:"price"`
}

// A Totals is the response of POST /orders: the batch's totals per
// customer, largest first, and the most ordered SKU.
type Totals struct {
	Currency  string          `json:"currency"`
	Orders    int             `json:"orders"`
	Customers []CustomerTotal `json:"customers"`
	TopSKU    string          `json:"topSku"`
}

// A CustomerTotal is one customer's total in a Totals.
type CustomerTotal struct {
	Customer string  `json:"customer"`
	Total    float64 `json:"total"`
}

// Orders is the http.Handler of /orders. A request is decoded, worked on
// and answered in one arena from the pool: the decoded batch (strings,
// slices), the hash maps of totals and the encoded response are all in
// it, and go back to the pool together.
type Orders struct {
	maxBody int64
	pool    bump.Pool
}

// NewOrders returns an Orders handler accepting bodies of up to maxBody
// bytes.
func NewOrders(maxBody int64) *Orders {
	return &Orders{maxBody: maxBody}
}

func (o *Orders) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	serveInArena(&o.pool, w, r, o.serveIn)
}

// serveIn handles a POST request with everything allocated in a. The body
// is read into the arena and decoded from there: a bumpjson.Decoder would
// work too, but its read buffer is its own, on the Go heap, made for long
// streams rather than one request.
func (o *Orders) serveIn(a *bump.Bump, w http.ResponseWriter, r *http.Request) {
	body, ok := readRequest(a, w, r, o.maxBody)
	if !ok {
		return
	}
	var batch OrderBatch
	if err := bumpjson.Unmarshal(a, body, &batch); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	out, err := bumpjson.Append(a, nil, totals(a, &batch))
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	writeJSON(w, out)
}

// totals works on the decoded batch in a.
func totals(a *bump.Bump, b *OrderBatch) *Totals {
	perCustomer := hashmap.New[string, float64](a)
	perSKU := hashmap.New[string, int](a)
	for _, o := range b.Orders {
		for _, l := range o.Lines {
			p, _ := perCustomer.Entry(o.Customer)
			*p += float64(l.Quantity) * l.Price
			q, _ := perSKU.Entry(l.SKU)
			*q += l.Quantity
		}
	}
	customers := vec.WithCapacity[CustomerTotal](a, perCustomer.Len())
	for c, t := range perCustomer.All() {
		customers.Push(CustomerTotal{c, t})
	}
	slices.SortFunc(customers.Slice(), func(x, y CustomerTotal) int {
		return cmp.Or(cmp.Compare(y.Total, x.Total), cmp.Compare(x.Customer, y.Customer))
	})
	t := bump.New[Totals](a)
	t.Currency, t.Orders, t.Customers = b.Currency, len(b.Orders), customers.Slice()
	best := 0
	for sku, n := range perSKU.All() {
		if n > best || n == best && sku < t.TopSKU {
			t.TopSKU, best = sku, n
		}
	}
	return t
}
