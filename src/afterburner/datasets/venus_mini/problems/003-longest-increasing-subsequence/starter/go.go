func lengthOfLIS(nums []int) int {
    
}
