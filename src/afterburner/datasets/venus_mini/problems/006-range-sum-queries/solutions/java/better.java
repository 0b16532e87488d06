// better: O((n + q) log n) Fenwick tree, each answer as two prefix queries
import java.io.*;

public class Main {
    private static final DataInputStream IN = new DataInputStream(new BufferedInputStream(System.in, 1 << 16));
    private static long[] tree;

    private static long next() throws IOException {
        int c = IN.read();
        while (c != '-' && (c < '0' || c > '9')) c = IN.read();
        boolean neg = c == '-';
        if (neg) c = IN.read();
        long r = 0;
        while (c >= '0' && c <= '9') {
            r = r * 10 + (c - '0');
            c = IN.read();
        }
        return neg ? -r : r;
    }

    private static long prefix(int i) {
        long s = 0;
        for (; i > 0; i -= i & -i) s += tree[i];
        return s;
    }

    public static void main(String[] args) throws IOException {
        int n = (int) next();
        tree = new long[n + 1];
        for (int i = 1; i <= n; i++) {
            tree[i] += next();
            int j = i + (i & -i);
            if (j <= n) tree[j] += tree[i];
        }
        int q = (int) next();
        StringBuilder out = new StringBuilder();
        for (int k = 0; k < q; k++) {
            int l = (int) next(), r = (int) next();
            out.append(prefix(r + 1) - prefix(l)).append('\n');
        }
        System.out.print(out);
    }
}
