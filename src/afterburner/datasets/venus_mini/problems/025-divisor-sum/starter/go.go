package main

import (
	"fmt"
)

func main() {
	var n int64
	fmt.Scan(&n)
	// print d(1) + d(2) + ... + d(n)
}
