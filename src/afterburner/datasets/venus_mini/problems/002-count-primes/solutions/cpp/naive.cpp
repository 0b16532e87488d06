// naive: O(N*sqrt(N)) trial division of every candidate by every integer up to its square root
#include <bits/stdc++.h>
using namespace std;

int main() {
    long long n;
    if (!(cin >> n)) return 0;
    long long count = 0;
    for (long long m = 2; m < n; ++m) {
        bool prime = true;
        for (long long d = 2; d * d <= m; ++d) {
            if (m % d == 0) {
                prime = false;
                break;
            }
        }
        if (prime) ++count;
    }
    cout << count << '\n';
    return 0;
}
