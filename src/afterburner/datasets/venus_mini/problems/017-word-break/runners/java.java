import java.util.*;
import java.io.*;

==Code Submission==

public class Main {
    public static void main(String[] args) throws IOException {
        String data = new String(System.in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        StringTokenizer st = new StringTokenizer(data);
        String s = st.nextToken();
        int m = Integer.parseInt(st.nextToken());
        List<String> words = new ArrayList<>();
        for (int i = 0; i < m; i++) words.add(st.nextToken());
        System.out.println(new Solution().wordBreak(s, words) ? "true" : "false");
    }
}
