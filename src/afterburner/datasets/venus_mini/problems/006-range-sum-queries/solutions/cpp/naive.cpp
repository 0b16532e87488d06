// naive: O(n*q) add up every queried range element by element
#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    if (!(cin >> n)) return 0;
    vector<long long> a(n);
    for (auto& x : a) cin >> x;
    int q;
    cin >> q;
    string out;
    for (int k = 0; k < q; ++k) {
        int l, r;
        cin >> l >> r;
        long long s = 0;
        for (int i = l; i <= r; ++i) s += a[i];
        out += to_string(s);
        out += '\n';
    }
    cout << out;
    return 0;
}
