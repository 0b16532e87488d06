package main

import (
	"bufio"
	"fmt"
	"os"
)

const MOD = 1000000007

func main() {
	in := bufio.NewReader(os.Stdin)
	var m, p int
	fmt.Fscan(in, &m, &p)
	a := make([][]int, m)
	for i := range a {
		a[i] = make([]int, m)
		for j := range a[i] {
			fmt.Fscan(in, &a[i][j])
		}
	}
	// print the rows of A^p mod 1000000007
	_ = p
}
