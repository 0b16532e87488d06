package main

import (
	"bufio"
	"fmt"
	"os"
)

func main() {
	reader := bufio.NewReader(os.Stdin)
	var q int
	fmt.Fscan(reader, &q)
	queries := make([]int64, q)
	for i := range queries {
		fmt.Fscan(reader, &queries[i])
	}
	// print F(n) mod 1000000007 for every query, one per line
}
