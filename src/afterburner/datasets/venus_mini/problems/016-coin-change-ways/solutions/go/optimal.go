// optimal: 1-D unbounded-knapsack counting, coins in the outer loop, O(k * A) time, O(A) memory
package main

import (
	"bufio"
	"fmt"
	"os"
)

func main() {
	const MOD = 1000000007
	reader := bufio.NewReader(os.Stdin)
	var k, amount int
	fmt.Fscan(reader, &k, &amount)
	ways := make([]int, amount+1)
	ways[0] = 1
	for i := 0; i < k; i++ {
		var c int
		fmt.Fscan(reader, &c)
		for a := c; a <= amount; a++ {
			v := ways[a] + ways[a-c]
			if v >= MOD {
				v -= MOD
			}
			ways[a] = v
		}
	}
	fmt.Println(ways[amount])
}
