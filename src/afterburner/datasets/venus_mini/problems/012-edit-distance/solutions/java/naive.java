// naive: top-down recursion memoized in a HashMap, O(n*m) states with boxing overhead
import java.util.*;
import java.io.*;

public class Main {
    static String a, b;
    static HashMap<Long, Integer> memo = new HashMap<>();

    static int dist(int i, int j) {
        int n = a.length(), m = b.length();
        if (i == n) return m - j;
        if (j == m) return n - i;
        long key = (long) i * (m + 1) + j;
        Integer cached = memo.get(key);
        if (cached != null) return cached;
        int res;
        if (a.charAt(i) == b.charAt(j)) res = dist(i + 1, j + 1);
        else res = 1 + Math.min(dist(i + 1, j), Math.min(dist(i, j + 1), dist(i + 1, j + 1)));
        memo.put(key, res);
        return res;
    }

    public static void main(String[] args) throws IOException {
        StringTokenizer st = new StringTokenizer(new String(System.in.readAllBytes()));
        a = st.nextToken();
        b = st.nextToken();
        System.out.println(dist(0, 0));
    }
}
