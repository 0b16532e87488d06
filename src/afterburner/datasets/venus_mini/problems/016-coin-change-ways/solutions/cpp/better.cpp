// better: full 2-D table over (coins used so far, amount), O(k * A) time and memory
#include <bits/stdc++.h>
using namespace std;

int main() {
    const long long MOD = 1000000007LL;
    int k, amount;
    cin >> k >> amount;
    vector<int> coins(k);
    for (auto& c : coins) cin >> c;
    vector<vector<long long>> table(k + 1, vector<long long>(amount + 1, 0));
    table[0][0] = 1;
    for (int i = 1; i <= k; ++i) {
        int c = coins[i - 1];
        for (int a = 0; a <= amount; ++a) {
            long long v = table[i - 1][a];
            if (a >= c) v += table[i][a - c];
            table[i][a] = v % MOD;
        }
    }
    cout << table[k][amount] << "\n";
    return 0;
}
