// naive: memoized recursion over (coin index, remainder) looping over every count of the coin, O(k * A^2 / c)
package main

import (
	"bufio"
	"fmt"
	"os"
)

const MOD = 1000000007

var k int
var coins []int
var memo = map[[2]int]int{}

func ways(i, rem int) int {
	if i == k {
		if rem == 0 {
			return 1
		}
		return 0
	}
	key := [2]int{i, rem}
	if v, ok := memo[key]; ok {
		return v
	}
	total := 0
	for used := 0; used <= rem; used += coins[i] {
		total = (total + ways(i+1, rem-used)) % MOD
	}
	memo[key] = total
	return total
}

func main() {
	reader := bufio.NewReader(os.Stdin)
	var amount int
	fmt.Fscan(reader, &k, &amount)
	coins = make([]int, k)
	for i := range coins {
		fmt.Fscan(reader, &coins[i])
	}
	fmt.Println(ways(0, amount))
}
