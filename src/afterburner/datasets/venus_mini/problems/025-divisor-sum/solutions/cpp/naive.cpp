// naive: count the divisors of every i by trial division up to sqrt(i), O(N sqrt N)
#include <bits/stdc++.h>
using namespace std;

int main() {
    long long n;
    cin >> n;
    long long total = 0;
    for (long long i = 1; i <= n; i++) {
        long long d = 1;
        for (; d * d < i; d++)
            if (i % d == 0) total += 2;
        if (d * d == i) total += 1;
    }
    cout << total << "\n";
    return 0;
}
