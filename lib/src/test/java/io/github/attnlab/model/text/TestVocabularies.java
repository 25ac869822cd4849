package io.github.attnlab.model.text;

import com.fasterxml.jackson.jr.ob.JSON;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** The vocabulary of a tokenizer.json, read independently of the library's loader. */
final class TestVocabularies {

    private TestVocabularies() {
    }

    @SuppressWarnings("unchecked")
    static Vocabulary fromTokenizerJson(byte[] json) throws java.io.IOException {
        Map<String, Object> model = (Map<String, Object>) JSON.std.mapFrom(json).get("model");
        Map<String, Object> vocab = (Map<String, Object>) model.get("vocab");
        List<String> t = new ArrayList<>(Collections.nCopies(vocab.size(), ""));
        vocab.forEach((k, v) -> t.set(((Number) v).intValue(), k));
        return Vocabulary.of(t);
    }
}
