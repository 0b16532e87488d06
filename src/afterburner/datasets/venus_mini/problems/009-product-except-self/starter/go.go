func productExceptSelf(nums []int) []int {
    
}
