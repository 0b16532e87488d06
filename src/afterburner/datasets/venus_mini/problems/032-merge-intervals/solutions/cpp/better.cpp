// better: O(n log n) time - sort (l, r) pairs, merge in one pass, iostream with sync disabled
#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    cin >> n;
    vector<pair<int, int>> iv(n);
    for (auto& p : iv) cin >> p.first >> p.second;
    sort(iv.begin(), iv.end());
    vector<pair<int, int>> out;
    for (auto& p : iv) {
        if (!out.empty() && p.first <= out.back().second) out.back().second = max(out.back().second, p.second);
        else out.push_back(p);
    }
    cout << out.size() << '\n';
    for (auto& p : out) cout << p.first << ' ' << p.second << '\n';
    return 0;
}
