func nthUglyNumber(n int) int {
	
}
