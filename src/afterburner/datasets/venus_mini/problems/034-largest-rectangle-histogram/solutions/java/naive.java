// naive: O(n^2) time - for every left edge extend to the right keeping the running minimum height
import java.util.*;

public class Main {
    public static void main(String[] args) {
        Scanner sc = new Scanner(System.in);
        int n = sc.nextInt();
        long[] h = new long[n];
        for (int i = 0; i < n; i++) h[i] = sc.nextLong();
        long best = 0;
        for (int i = 0; i < n; i++) {
            long low = h[i];
            for (int j = i; j < n; j++) {
                low = Math.min(low, h[j]);
                best = Math.max(best, low * (j - i + 1));
            }
        }
        System.out.println(best);
    }
}
