// naive: memoized recursion over (coin index, remainder) looping over every count of the coin, O(k * A^2 / c)
import java.util.*;
import java.io.*;

public class Main {
    static final long MOD = 1000000007L;
    static int k;
    static int[] coins;
    static HashMap<Long, Long> memo = new HashMap<>();

    static long ways(int i, int rem) {
        if (i == k) return rem == 0 ? 1 : 0;
        long key = (long) i * 1000003L + rem;
        Long cached = memo.get(key);
        if (cached != null) return cached;
        long total = 0;
        for (int used = 0; used <= rem; used += coins[i]) total = (total + ways(i + 1, rem - used)) % MOD;
        memo.put(key, total);
        return total;
    }

    public static void main(String[] args) throws IOException {
        StringTokenizer st = new StringTokenizer(new String(System.in.readAllBytes()));
        k = Integer.parseInt(st.nextToken());
        int amount = Integer.parseInt(st.nextToken());
        coins = new int[k];
        for (int i = 0; i < k; i++) coins[i] = Integer.parseInt(st.nextToken());
        System.out.println(ways(0, amount));
    }
}
