// optimal: O(N log log N) sieve of Eratosthenes
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
	if n >= 3 {
		composite := make([]bool, n)
		for i := 2; i < n; i++ {
			if composite[i] {
				continue
			}
			count++
			for j := i * i; j < n; j += i {
				composite[j] = true
			}
		}
	}
	fmt.Println(count)
}
