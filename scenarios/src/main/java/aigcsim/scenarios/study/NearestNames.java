package aigcsim.scenarios.study;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * "Did you mean …?" suggestions: the known names nearest to a mistyped one by Levenshtein edit distance (one
 * insertion, deletion or substitution of a character costs 1), ignoring case differences. Names farther than a third
 * of the longer name's length (at least 2 edits) are never suggested, so an unrelated name does not come up.
 */
public final class NearestNames {
    private NearestNames() {
    }

    /**
     * At most {@code max} of {@code known} nearest to {@code name}, nearest first, ties in alphabetical order; empty
     * when none is close enough.
     */
    public static List<String> nearest(String name, Collection<String> known, int max) {
        return byDistance(name, known).stream()
                .filter(k -> distance(name, k) <= Math.max(2, Math.max(name.length(), k.length()) / 3))
                .limit(max)
                .toList();
    }

    /** All of {@code known}, nearest to {@code name} first, ties in alphabetical order (for "allowed: …" lists). */
    public static List<String> byDistance(String name, Collection<String> known) {
        return known.stream()
                .distinct()
                .sorted(Comparator.<String>comparingInt(k -> distance(name, k)).thenComparing(Comparator.naturalOrder()))
                .toList();
    }

    /** Levenshtein distance between {@code a} and {@code b}, case-insensitive. */
    public static int distance(String a, String b) {
        String s = a.toLowerCase();
        String t = b.toLowerCase();
        int[] prev = new int[t.length() + 1];
        int[] cur = new int[t.length() + 1];
        for (int j = 0; j <= t.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= s.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= t.length(); j++) {
                int substitute = prev[j - 1] + (s.charAt(i - 1) == t.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(substitute, Math.min(prev[j], cur[j - 1]) + 1);
            }
            int[] swap = prev;
            prev = cur;
            cur = swap;
        }
        return prev[t.length()];
    }
}
