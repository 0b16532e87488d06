#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    cin >> n;
    vector<pair<long long, long long>> intervals(n);
    for (auto& iv : intervals) cin >> iv.first >> iv.second;
    // merge the intervals, then print the count and the merged intervals
    return 0;
}
