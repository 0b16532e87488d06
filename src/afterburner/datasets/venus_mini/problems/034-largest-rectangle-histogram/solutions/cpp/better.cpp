// better: O(n log n) expected, O(n^2) worst time - divide and conquer around the lowest bar (recursive, linear min scan)
#include <bits/stdc++.h>
using namespace std;

static vector<long long> h;

static long long solve(int lo, int hi) {
    if (lo >= hi) return 0;
    int m = lo;
    for (int i = lo + 1; i < hi; i++)
        if (h[i] < h[m]) m = i;
    long long here = h[m] * (long long)(hi - lo);
    return max(here, max(solve(lo, m), solve(m + 1, hi)));
}

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    cin >> n;
    h.resize(n);
    for (auto& x : h) cin >> x;
    cout << solve(0, n) << '\n';
    return 0;
}
