package main

import (
	"bufio"
	"fmt"
	"os"
)

func main() {
	reader := bufio.NewReader(os.Stdin)
	var q int
	var m int64
	fmt.Fscan(reader, &q, &m)
	for i := 0; i < q; i++ {
		var a, b int64
		fmt.Fscan(reader, &a, &b)
	}
	// print (a_1^b_1 + ... + a_q^b_q) mod m
}
