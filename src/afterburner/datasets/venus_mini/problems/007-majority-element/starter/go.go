func majorityElement(nums []int) int {
    
}
