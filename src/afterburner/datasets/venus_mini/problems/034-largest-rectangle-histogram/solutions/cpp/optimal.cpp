// optimal: O(n) time - single pass with a monotonic stack of indices in a plain array
#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    cin >> n;
    vector<long long> h(n + 1, 0);
    for (int i = 0; i < n; i++) cin >> h[i];
    vector<int> st(n + 2);
    int top = 0;
    st[0] = -1;
    long long best = 0;
    for (int i = 0; i <= n; i++) {
        while (top > 0 && h[st[top]] >= h[i]) {
            long long height = h[st[top--]];
            best = max(best, height * (i - st[top] - 1));
        }
        st[++top] = i;
    }
    cout << best << '\n';
    return 0;
}
