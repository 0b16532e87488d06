class Solution {
public:
    long long nthUglyNumber(int n) {
        
    }
};
