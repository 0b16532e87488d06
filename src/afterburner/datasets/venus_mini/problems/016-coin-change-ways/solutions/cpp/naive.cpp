// naive: memoized recursion over (coin index, remainder) looping over every count of the coin, O(k * A^2 / c)
#include <bits/stdc++.h>
using namespace std;

const long long MOD = 1000000007LL;
int k, amount;
vector<int> coins;
map<pair<int, int>, long long> memo;

long long ways(int i, int rem) {
    if (i == k) return rem == 0 ? 1 : 0;
    auto key = make_pair(i, rem);
    auto it = memo.find(key);
    if (it != memo.end()) return it->second;
    long long total = 0;
    for (int used = 0; used <= rem; used += coins[i]) total = (total + ways(i + 1, rem - used)) % MOD;
    memo[key] = total;
    return total;
}

int main() {
    cin >> k >> amount;
    coins.resize(k);
    for (auto& c : coins) cin >> c;
    cout << ways(0, amount) << "\n";
    return 0;
}
