// better: O(N*sqrt(N)/log N) trial division by the primes found so far
#include <bits/stdc++.h>
using namespace std;

int main() {
    long long n;
    if (!(cin >> n)) return 0;
    vector<long long> primes;
    for (long long m = 2; m < n; ++m) {
        bool prime = true;
        for (long long p : primes) {
            if (p * p > m) break;
            if (m % p == 0) {
                prime = false;
                break;
            }
        }
        if (prime) primes.push_back(m);
    }
    cout << primes.size() << '\n';
    return 0;
}
