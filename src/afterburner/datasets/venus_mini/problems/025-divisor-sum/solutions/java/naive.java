// naive: count the divisors of every i by trial division up to sqrt(i), O(N sqrt N)
import java.io.*;

public class Main {
    public static void main(String[] args) throws IOException {
        BufferedReader br = new BufferedReader(new InputStreamReader(System.in));
        long n = Long.parseLong(br.readLine().trim());
        long total = 0;
        for (long i = 1; i <= n; i++) {
            long d = 1;
            for (; d * d < i; d++)
                if (i % d == 0) total += 2;
            if (d * d == i) total += 1;
        }
        System.out.println(total);
    }
}
