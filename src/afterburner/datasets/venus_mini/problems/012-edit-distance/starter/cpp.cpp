#include <bits/stdc++.h>
using namespace std;

int main() {
    string a, b;
    cin >> a >> b;
    // compute and print the edit distance between a and b
    return 0;
}
