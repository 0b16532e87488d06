// optimal: Dirichlet hyperbola, D(N) = 2 * sum_{i <= r} floor(N / i) - r^2 with r = isqrt(N), O(sqrt N)
#include <bits/stdc++.h>
using namespace std;

int main() {
    long long n;
    cin >> n;
    long long r = (long long)sqrtl((long double)n);
    while (r * r > n) r--;
    while ((r + 1) * (r + 1) <= n) r++;
    long long total = 0;
    for (long long i = 1; i <= r; i++) total += n / i;
    cout << 2 * total - r * r << "\n";
    return 0;
}
