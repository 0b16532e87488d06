package main

import (
	"bufio"
	"fmt"
	"os"
)

func main() {
	reader := bufio.NewReader(os.Stdin)
	var n int
	fmt.Fscan(reader, &n)
	words := make([]string, n)
	for i := range words {
		fmt.Fscan(reader, &words[i])
	}
	// print the number of anagram groups and the size of the largest group
}
