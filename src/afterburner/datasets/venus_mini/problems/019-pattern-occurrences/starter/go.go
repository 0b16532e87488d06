package main

import (
	"bufio"
	"fmt"
	"os"
)

func main() {
	reader := bufio.NewReader(os.Stdin)
	var text, pattern string
	fmt.Fscan(reader, &text, &pattern)
	// print the number of (possibly overlapping) occurrences of pattern in text
}
