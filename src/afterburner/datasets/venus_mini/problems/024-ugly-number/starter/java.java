class Solution {
    public long nthUglyNumber(int n) {
        
    }
}
