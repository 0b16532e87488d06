import java.util.*;
import java.io.*;

==Code Submission==

public class Main {
    public static void main(String[] args) throws IOException {
        String data = new String(System.in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        StringTokenizer st = new StringTokenizer(data);
        String s = st.nextToken();
        System.out.println(new Solution().lengthOfLongestSubstring(s));
    }
}
