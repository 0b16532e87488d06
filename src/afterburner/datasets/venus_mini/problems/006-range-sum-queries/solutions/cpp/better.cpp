// better: O((n + q) log n) Fenwick tree, each answer as two prefix queries
#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    if (!(cin >> n)) return 0;
    vector<long long> tree(n + 1, 0);
    for (int i = 1; i <= n; ++i) {
        long long x;
        cin >> x;
        tree[i] += x;
        int j = i + (i & -i);
        if (j <= n) tree[j] += tree[i];
    }
    auto prefix = [&](int i) {
        long long s = 0;
        for (; i > 0; i -= i & -i) s += tree[i];
        return s;
    };
    int q;
    cin >> q;
    string out;
    for (int k = 0; k < q; ++k) {
        int l, r;
        cin >> l >> r;
        out += to_string(prefix(r + 1) - prefix(l));
        out += '\n';
    }
    cout << out;
    return 0;
}
