// naive: top-down recursion memoized in a map, O(n*m) states with call overhead
package main

import (
	"bufio"
	"fmt"
	"os"
)

var a, b string
var memo = map[int]int{}

func min3(x, y, z int) int {
	if y < x {
		x = y
	}
	if z < x {
		x = z
	}
	return x
}

func dist(i, j int) int {
	n, m := len(a), len(b)
	if i == n {
		return m - j
	}
	if j == m {
		return n - i
	}
	key := i*(m+1) + j
	if v, ok := memo[key]; ok {
		return v
	}
	var res int
	if a[i] == b[j] {
		res = dist(i+1, j+1)
	} else {
		res = 1 + min3(dist(i+1, j), dist(i, j+1), dist(i+1, j+1))
	}
	memo[key] = res
	return res
}

func main() {
	reader := bufio.NewReader(os.Stdin)
	fmt.Fscan(reader, &a, &b)
	fmt.Println(dist(0, 0))
}
