// optimal: O(n log n) time - pack each interval into one long key, primitive sort, merge; byte-level input
import java.io.*;
import java.util.*;

public class Main {
    public static void main(String[] args) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(System.in, 1 << 16));
        int n = (int) readLong(in);
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            long l = readLong(in), r = readLong(in);
            keys[i] = (l << 30) | r;
        }
        Arrays.sort(keys);
        long mask = (1L << 30) - 1;
        StringBuilder sb = new StringBuilder();
        int m = 0;
        long cl = keys[0] >>> 30, cr = keys[0] & mask;
        for (int i = 1; i < n; i++) {
            long l = keys[i] >>> 30, r = keys[i] & mask;
            if (l <= cr) {
                if (r > cr) cr = r;
            } else {
                sb.append(cl).append(' ').append(cr).append('\n');
                m++;
                cl = l;
                cr = r;
            }
        }
        sb.append(cl).append(' ').append(cr).append('\n');
        m++;
        PrintWriter pw = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out)));
        pw.println(m);
        pw.print(sb);
        pw.flush();
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
