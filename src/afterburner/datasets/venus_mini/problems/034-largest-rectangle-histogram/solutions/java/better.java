// better: O(n log n) expected, O(n^2) worst time - divide and conquer around the lowest bar (recursive, linear min scan)
import java.io.*;
import java.util.*;

public class Main {
    static long[] h;

    static long solve(int lo, int hi) {
        if (lo >= hi) return 0;
        int m = lo;
        for (int i = lo + 1; i < hi; i++) if (h[i] < h[m]) m = i;
        long here = h[m] * (hi - lo);
        return Math.max(here, Math.max(solve(lo, m), solve(m + 1, hi)));
    }

    public static void main(String[] args) throws IOException {
        BufferedReader br = new BufferedReader(new InputStreamReader(System.in));
        int n = Integer.parseInt(br.readLine().trim());
        StringTokenizer st = new StringTokenizer(br.readLine());
        h = new long[n];
        for (int i = 0; i < n; i++) h[i] = Long.parseLong(st.nextToken());
        System.out.println(solve(0, n));
    }
}
