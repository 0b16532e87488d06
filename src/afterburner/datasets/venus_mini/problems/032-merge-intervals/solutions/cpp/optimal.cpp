// optimal: O(n log n) time - pack each interval into one 64-bit key, sort plain integers, merge; raw buffered I/O
#include <bits/stdc++.h>
using namespace std;

static char ibuf[1 << 25];

int main() {
    size_t len = fread(ibuf, 1, sizeof(ibuf) - 1, stdin);
    ibuf[len] = 0;
    char* p = ibuf;
    auto next = [&]() -> unsigned long long {
        while (*p && (*p < '0' || *p > '9')) p++;
        unsigned long long v = 0;
        while (*p >= '0' && *p <= '9') v = v * 10 + (*p++ - '0');
        return v;
    };
    int n = (int)next();
    vector<unsigned long long> keys(n);
    for (int i = 0; i < n; i++) {
        unsigned long long l = next(), r = next();
        keys[i] = (l << 30) | r;
    }
    sort(keys.begin(), keys.end());
    const unsigned long long mask = (1ULL << 30) - 1;
    string out;
    out.reserve(24 * (size_t)n + 16);
    size_t m = 0;
    unsigned long long cl = keys[0] >> 30, cr = keys[0] & mask;
    char tmp[48];
    auto emit = [&](unsigned long long a, unsigned long long b) {
        int k = snprintf(tmp, sizeof(tmp), "%llu %llu\n", a, b);
        out.append(tmp, k);
        m++;
    };
    for (int i = 1; i < n; i++) {
        unsigned long long l = keys[i] >> 30, r = keys[i] & mask;
        if (l <= cr) {
            if (r > cr) cr = r;
        } else {
            emit(cl, cr);
            cl = l;
            cr = r;
        }
    }
    emit(cl, cr);
    printf("%zu\n", m);
    fwrite(out.data(), 1, out.size(), stdout);
    return 0;
}
