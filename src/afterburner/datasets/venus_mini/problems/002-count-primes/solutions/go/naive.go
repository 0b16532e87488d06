// naive: O(N*sqrt(N)) trial division of every candidate by every integer up to its square root
package main

import (
	"bufio"
	"fmt"
	"os"
)

func main() {
	var n int
	fmt.Fscan(bufio.NewReader(os.Stdin), &n)
	count := 0
	for m := 2; m < n; m++ {
		prime := true
		for d := 2; d*d <= m; d++ {
			if m%d == 0 {
				prime = false
				break
			}
		}
		if prime {
			count++
		}
	}
	fmt.Println(count)
}
