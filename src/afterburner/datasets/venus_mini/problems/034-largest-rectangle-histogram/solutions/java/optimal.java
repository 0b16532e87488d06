// optimal: O(n) time - single pass with a monotonic stack of indices in a plain int array; byte-level input
import java.io.*;

public class Main {
    public static void main(String[] args) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(System.in, 1 << 16));
        int n = (int) readLong(in);
        long[] h = new long[n + 1];
        for (int i = 0; i < n; i++) h[i] = readLong(in);
        int[] st = new int[n + 2];
        int top = 0;
        st[0] = -1;
        long best = 0;
        for (int i = 0; i <= n; i++) {
            while (top > 0 && h[st[top]] >= h[i]) {
                long height = h[st[top--]];
                best = Math.max(best, height * (i - st[top] - 1));
            }
            st[++top] = i;
        }
        System.out.println(best);
    }

    private static long readLong(DataInputStream in) throws IOException {
        int c = in.read();
        while (c != -1 && (c < '0' || c > '9')) c = in.read();
        long v = 0;
        while (c >= '0' && c <= '9') {
            v = v * 10 + (c - '0');
            c = in.read();
        }
        return v;
    }
}
