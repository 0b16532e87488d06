// optimal: O(n + q) prefix sums, each answer is prefix[r+1] - prefix[l]
#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    if (!(cin >> n)) return 0;
    vector<long long> prefix(n + 1, 0);
    for (int i = 0; i < n; ++i) {
        long long x;
        cin >> x;
        prefix[i + 1] = prefix[i] + x;
    }
    int q;
    cin >> q;
    string out;
    for (int k = 0; k < q; ++k) {
        int l, r;
        cin >> l >> r;
        out += to_string(prefix[r + 1] - prefix[l]);
        out += '\n';
    }
    cout << out;
    return 0;
}
