// optimal: 1-D unbounded-knapsack counting, coins in the outer loop, O(k * A) time, O(A) memory
import java.util.*;
import java.io.*;

public class Main {
    public static void main(String[] args) throws IOException {
        final int MOD = 1000000007;
        StringTokenizer st = new StringTokenizer(new String(System.in.readAllBytes()));
        int k = Integer.parseInt(st.nextToken());
        int amount = Integer.parseInt(st.nextToken());
        int[] ways = new int[amount + 1];
        ways[0] = 1;
        for (int i = 0; i < k; i++) {
            int c = Integer.parseInt(st.nextToken());
            for (int a = c; a <= amount; a++) {
                int v = ways[a] + ways[a - c];
                if (v >= MOD) v -= MOD;
                ways[a] = v;
            }
        }
        System.out.println(ways[amount]);
    }
}
