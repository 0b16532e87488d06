func containsNearbyDuplicate(nums []int, k int) bool {
    
}
