package main

import (
	"bufio"
	"fmt"
	"os"
)

func main() {
	reader := bufio.NewReaderSize(os.Stdin, 1<<20)
	writer := bufio.NewWriter(os.Stdout)
	defer writer.Flush()
	var n, m, s int
	fmt.Fscan(reader, &n, &m, &s)
	for i := 0; i < m; i++ {
		var u, v int
		var w int64
		fmt.Fscan(reader, &u, &v, &w)
	}
	// print the n distances on one line, -1 for unreachable nodes
}
