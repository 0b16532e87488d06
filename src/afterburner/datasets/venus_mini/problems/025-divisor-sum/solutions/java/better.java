// better: divisor-count sieve, add 1 to every multiple of every d, O(N log N) time, O(N) memory
import java.io.*;

public class Main {
    public static void main(String[] args) throws IOException {
        BufferedReader br = new BufferedReader(new InputStreamReader(System.in));
        int n = Integer.parseInt(br.readLine().trim());
        int[] cnt = new int[n + 1];
        for (int d = 1; d <= n; d++)
            for (int k = d; k <= n; k += d) cnt[k]++;
        long total = 0;
        for (int i = 1; i <= n; i++) total += cnt[i];
        System.out.println(total);
    }
}
