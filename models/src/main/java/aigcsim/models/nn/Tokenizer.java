package aigcsim.models.nn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Word-level tokenizer for the prompts (the stand-in for CLIP's BPE): lower-cased words of letters, a vocabulary
 * built from the training prompts, {@code <pad>} = 0 and {@code <unk>} = 1, sequences padded to a fixed length.
 * The empty prompt (all padding) is the unconditional input of classifier-free guidance.
 */
public final class Tokenizer {
    public static final int PAD = 0;
    public static final int UNK = 1;

    private final Map<String, Integer> vocabulary = new LinkedHashMap<>();
    private final int length;

    public Tokenizer(List<String> prompts, int length) {
        this.length = length;
        vocabulary.put("<pad>", PAD);
        vocabulary.put("<unk>", UNK);
        for (String p : prompts) {
            for (String w : words(p)) {
                vocabulary.putIfAbsent(w, vocabulary.size());
            }
        }
    }

    public int vocabularySize() {
        return vocabulary.size();
    }

    public int length() {
        return length;
    }

    /** Token ids of a prompt, truncated or padded to {@link #length()}. */
    public int[] encode(String prompt) {
        int[] ids = new int[length];
        List<String> ws = words(prompt);
        for (int i = 0; i < Math.min(length, ws.size()); i++) {
            ids[i] = vocabulary.getOrDefault(ws.get(i), UNK);
        }
        return ids;
    }

    private static List<String> words(String prompt) {
        List<String> out = new ArrayList<>();
        for (String w : prompt.toLowerCase(Locale.ROOT).split("[^a-z]+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }
}
