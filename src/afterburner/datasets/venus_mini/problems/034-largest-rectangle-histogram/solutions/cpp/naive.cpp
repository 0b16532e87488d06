// naive: O(n^2) time - for every left edge extend to the right keeping the running minimum height
#include <bits/stdc++.h>
using namespace std;

int main() {
    int n;
    cin >> n;
    vector<long long> h(n);
    for (auto& x : h) cin >> x;
    long long best = 0;
    for (int i = 0; i < n; i++) {
        long long low = h[i];
        for (int j = i; j < n; j++) {
            low = min(low, h[j]);
            best = max(best, low * (j - i + 1));
        }
    }
    cout << best << endl;
    return 0;
}
