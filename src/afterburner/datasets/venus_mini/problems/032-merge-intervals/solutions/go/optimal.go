// optimal: O(n log n) time - pack each interval into one integer key, sort.Ints, merge; byte-level I/O
package main

import (
	"bufio"
	"os"
	"sort"
	"strconv"
)

func main() {
	in := bufio.NewReaderSize(os.Stdin, 1<<16)
	out := bufio.NewWriterSize(os.Stdout, 1<<16)
	defer out.Flush()
	readInt := func() int {
		c, err := in.ReadByte()
		for err == nil && (c < '0' || c > '9') {
			c, err = in.ReadByte()
		}
		v := 0
		for err == nil && c >= '0' && c <= '9' {
			v = v*10 + int(c-'0')
			c, err = in.ReadByte()
		}
		return v
	}
	n := readInt()
	keys := make([]int, n)
	for i := 0; i < n; i++ {
		l := readInt()
		r := readInt()
		keys[i] = l<<30 | r
	}
	sort.Ints(keys)
	const mask = 1<<30 - 1
	res := make([]int, 0, 2*n)
	cl, cr := keys[0]>>30, keys[0]&mask
	for _, k := range keys[1:] {
		l, r := k>>30, k&mask
		if l <= cr {
			if r > cr {
				cr = r
			}
		} else {
			res = append(res, cl, cr)
			cl, cr = l, r
		}
	}
	res = append(res, cl, cr)
	buf := make([]byte, 0, 24*n+16)
	buf = strconv.AppendInt(buf, int64(len(res)/2), 10)
	buf = append(buf, '\n')
	for i := 0; i < len(res); i += 2 {
		buf = strconv.AppendInt(buf, int64(res[i]), 10)
		buf = append(buf, ' ')
		buf = strconv.AppendInt(buf, int64(res[i+1]), 10)
		buf = append(buf, '\n')
	}
	out.Write(buf)
}
