// optimal: 1-D unbounded-knapsack counting, coins in the outer loop, O(k * A) time, O(A) memory
#include <bits/stdc++.h>
using namespace std;

int main() {
    const int MOD = 1000000007;
    int k, amount;
    scanf("%d %d", &k, &amount);
    vector<int> ways(amount + 1, 0);
    ways[0] = 1;
    for (int i = 0; i < k; ++i) {
        int c;
        scanf("%d", &c);
        for (int a = c; a <= amount; ++a) {
            int v = ways[a] + ways[a - c];
            if (v >= MOD) v -= MOD;
            ways[a] = v;
        }
    }
    printf("%d\n", ways[amount]);
    return 0;
}
