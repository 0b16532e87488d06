// naive: O(n^2) time - for every left edge extend to the right keeping the running minimum height
package main

import "fmt"

func main() {
	var n int
	fmt.Scan(&n)
	h := make([]int64, n)
	for i := range h {
		fmt.Scan(&h[i])
	}
	var best int64
	for i := 0; i < n; i++ {
		low := h[i]
		for j := i; j < n; j++ {
			if h[j] < low {
				low = h[j]
			}
			if area := low * int64(j-i+1); area > best {
				best = area
			}
		}
	}
	fmt.Println(best)
}
