// better: O(N*sqrt(N)/log N) trial division by the primes found so far
import java.io.*;

public class Main {
    public static void main(String[] args) throws IOException {
        int n = Integer.parseInt(new String(System.in.readAllBytes()).trim());
        int[] primes = new int[Math.max(n, 1)];
        int cnt = 0;
        for (int m = 2; m < n; m++) {
            boolean prime = true;
            for (int k = 0; k < cnt; k++) {
                int p = primes[k];
                if ((long) p * p > m) break;
                if (m % p == 0) {
                    prime = false;
                    break;
                }
            }
            if (prime) primes[cnt++] = m;
        }
        System.out.println(cnt);
    }
}
