// optimal: O(N log log N) sieve of Eratosthenes
import java.io.*;

public class Main {
    public static void main(String[] args) throws IOException {
        int n = Integer.parseInt(new String(System.in.readAllBytes()).trim());
        if (n < 3) {
            System.out.println(0);
            return;
        }
        boolean[] composite = new boolean[n];
        int count = 0;
        for (int i = 2; i < n; i++) {
            if (composite[i]) continue;
            count++;
            for (long j = (long) i * i; j < n; j += i) composite[(int) j] = true;
        }
        System.out.println(count);
    }
}
