// better: divisor-count sieve, add 1 to every multiple of every d, O(N log N) time, O(N) memory
#include <bits/stdc++.h>
using namespace std;

int main() {
    int n;
    cin >> n;
    vector<int> cnt(n + 1, 0);
    for (int d = 1; d <= n; d++)
        for (int k = d; k <= n; k += d) cnt[k]++;
    long long total = 0;
    for (int i = 1; i <= n; i++) total += cnt[i];
    cout << total << "\n";
    return 0;
}
