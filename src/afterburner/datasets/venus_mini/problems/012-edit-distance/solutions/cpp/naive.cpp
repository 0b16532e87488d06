// naive: top-down recursion memoized in a hash map, O(n*m) states with call overhead
#include <bits/stdc++.h>
using namespace std;

static string A, B;
static unordered_map<long long, int> memo;

int dist(int i, int j) {
    int n = A.size(), m = B.size();
    if (i == n) return m - j;
    if (j == m) return n - i;
    long long key = (long long)i * (m + 1) + j;
    auto it = memo.find(key);
    if (it != memo.end()) return it->second;
    int res;
    if (A[i] == B[j]) res = dist(i + 1, j + 1);
    else res = 1 + min({dist(i + 1, j), dist(i, j + 1), dist(i + 1, j + 1)});
    memo[key] = res;
    return res;
}

int main() {
    cin >> A >> B;
    cout << dist(0, 0) << "\n";
    return 0;
}
