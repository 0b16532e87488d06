// better: full 2-D table over (coins used so far, amount), O(k * A) time and memory
import java.util.*;
import java.io.*;

public class Main {
    public static void main(String[] args) throws IOException {
        final long MOD = 1000000007L;
        StringTokenizer st = new StringTokenizer(new String(System.in.readAllBytes()));
        int k = Integer.parseInt(st.nextToken());
        int amount = Integer.parseInt(st.nextToken());
        int[] coins = new int[k];
        for (int i = 0; i < k; i++) coins[i] = Integer.parseInt(st.nextToken());
        long[][] table = new long[k + 1][amount + 1];
        table[0][0] = 1;
        for (int i = 1; i <= k; i++) {
            int c = coins[i - 1];
            for (int a = 0; a <= amount; a++) {
                long v = table[i - 1][a];
                if (a >= c) v += table[i][a - c];
                table[i][a] = v % MOD;
            }
        }
        System.out.println(table[k][amount]);
    }
}
