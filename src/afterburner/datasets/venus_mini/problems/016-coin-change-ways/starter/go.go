package main

import (
	"bufio"
	"fmt"
	"os"
)

func main() {
	reader := bufio.NewReader(os.Stdin)
	var k, amount int
	fmt.Fscan(reader, &k, &amount)
	coins := make([]int, k)
	for i := range coins {
		fmt.Fscan(reader, &coins[i])
	}
	// print the number of ways to pay amount, modulo 1000000007
}
