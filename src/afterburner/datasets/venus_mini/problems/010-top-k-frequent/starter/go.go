package main

import (
	"bufio"
	"fmt"
	"os"
)

func main() {
	reader := bufio.NewReader(os.Stdin)
	var n, k int
	fmt.Fscan(reader, &n, &k)
	a := make([]int, n)
	for i := range a {
		fmt.Fscan(reader, &a[i])
	}
	// print the k most frequent values (ties: smaller value first), space-separated
}
