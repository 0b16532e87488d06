// better: full 2-D table over (coins used so far, amount), O(k * A) time and memory
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
	coins := make([]int, k)
	for i := range coins {
		fmt.Fscan(reader, &coins[i])
	}
	table := make([][]int, k+1)
	for i := range table {
		table[i] = make([]int, amount+1)
	}
	table[0][0] = 1
	for i := 1; i <= k; i++ {
		c := coins[i-1]
		for a := 0; a <= amount; a++ {
			v := table[i-1][a]
			if a >= c {
				v += table[i][a-c]
			}
			table[i][a] = v % MOD
		}
	}
	fmt.Println(table[k][amount])
}
