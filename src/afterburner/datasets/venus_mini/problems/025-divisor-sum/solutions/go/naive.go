// naive: count the divisors of every i by trial division up to sqrt(i), O(N sqrt N)
package main

import "fmt"

func main() {
	var n int64
	fmt.Scan(&n)
	total := int64(0)
	for i := int64(1); i <= n; i++ {
		d := int64(1)
		for ; d*d < i; d++ {
			if i%d == 0 {
				total += 2
			}
		}
		if d*d == i {
			total++
		}
	}
	fmt.Println(total)
}
