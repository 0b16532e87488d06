// optimal: Dirichlet hyperbola, D(N) = 2 * sum_{i <= r} floor(N / i) - r^2 with r = isqrt(N), O(sqrt N)
import java.io.*;

public class Main {
    public static void main(String[] args) throws IOException {
        BufferedReader br = new BufferedReader(new InputStreamReader(System.in));
        long n = Long.parseLong(br.readLine().trim());
        long r = (long) Math.sqrt((double) n);
        while (r * r > n) r--;
        while ((r + 1) * (r + 1) <= n) r++;
        long total = 0;
        for (long i = 1; i <= r; i++) total += n / i;
        System.out.println(2 * total - r * r);
    }
}
