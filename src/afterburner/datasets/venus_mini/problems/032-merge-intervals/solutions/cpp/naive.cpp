// naive: O(n^2) time - insert intervals one by one, scanning every merged interval for overlaps and rebuilding the list
#include <bits/stdc++.h>
using namespace std;

int main() {
    int n;
    cin >> n;
    vector<pair<long long, long long>> merged;
    for (int i = 0; i < n; i++) {
        long long l, r;
        cin >> l >> r;
        vector<pair<long long, long long>> rest;
        for (auto& iv : merged) {
            if (iv.first <= r && l <= iv.second) {
                l = min(l, iv.first);
                r = max(r, iv.second);
            } else {
                rest.push_back(iv);
            }
        }
        rest.push_back({l, r});
        merged = rest;
    }
    sort(merged.begin(), merged.end());
    cout << merged.size() << endl;
    for (auto& iv : merged) cout << iv.first << " " << iv.second << endl;
    return 0;
}
