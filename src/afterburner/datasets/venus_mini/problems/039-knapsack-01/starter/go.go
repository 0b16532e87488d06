package main

import (
	"bufio"
	"fmt"
	"os"
)

func main() {
	in := bufio.NewReader(os.Stdin)
	var n, capacity int
	fmt.Fscan(in, &n, &capacity)
	w := make([]int, n)
	v := make([]int64, n)
	for i := 0; i < n; i++ {
		fmt.Fscan(in, &w[i], &v[i])
	}
	// print the largest total worth that fits into the capacity
}
