#include <bits/stdc++.h>
using namespace std;

int main() {
    string text, pattern;
    cin >> text >> pattern;
    // print the number of (possibly overlapping) occurrences of pattern in text
    return 0;
}
