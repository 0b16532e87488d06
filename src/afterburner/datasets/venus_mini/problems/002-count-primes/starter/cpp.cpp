#include <bits/stdc++.h>
using namespace std;

int main() {
    long long n;
    cin >> n;
    // print the number of primes below n
    return 0;
}
