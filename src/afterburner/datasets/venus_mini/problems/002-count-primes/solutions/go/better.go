// better: O(N*sqrt(N)/log N) trial division by the primes found so far
package main

import (
	"bufio"
	"fmt"
	"os"
)

func main() {
	var n int
	fmt.Fscan(bufio.NewReader(os.Stdin), &n)
	primes := []int{}
	for m := 2; m < n; m++ {
		prime := true
		for _, p := range primes {
			if p*p > m {
				break
			}
			if m%p == 0 {
				prime = false
				break
			}
		}
		if prime {
			primes = append(primes, m)
		}
	}
	fmt.Println(len(primes))
}
