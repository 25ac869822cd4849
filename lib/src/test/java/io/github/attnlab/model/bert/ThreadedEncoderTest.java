package io.github.attnlab.model.bert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attnlab.model.AttentionTensor;
import io.github.attnlab.model.attention.AttentionRule;
import io.github.attnlab.model.text.Encoding;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The forward pass of the real all-MiniLM-L6-v2 on 128 tokens gives the same bits on two threads as on one: hidden
 * states, scores and attention weights, also with heads removed and with a sparse attention rule (whose hook stays
 * on the calling thread).
 */
class ThreadedEncoderTest {

    private static Bert one;
    private static Bert two;
    private static Encoding passage;

    @BeforeAll
    static void load() {
        one = Bert.load(PretrainedModel.ALL_MINILM_L6_V2);
        two = one.withThreads(2);
        String text = "Call me Ishmael. Some years ago, never mind how long precisely, having little or no money in my"
                + " purse, and nothing particular to interest me on shore, I thought I would sail about a little and"
                + " see the watery part of the world. ";
        passage = one.passages(text.repeat(6), 128).get(0);
    }

    @Test
    void twoThreadsGiveTheBitsOfOne() {
        assertEquals(128, passage.length());
        assertEquals(1, one.threads());
        assertEquals(2, two.threads());
        assertArrayEquals(one.lastHiddenState(passage), two.lastHiddenState(passage));
        AttentionTensor a = one.attention(passage);
        AttentionTensor b = two.attention(passage);
        assertArrayEquals(a.scoresArray(), b.scoresArray());
        assertArrayEquals(a.probabilitiesArray(), b.probabilitiesArray());
    }

    @Test
    void removedHeadsAndAttentionRulesKeepTheBitsOnTwoThreads() {
        Bert pruned = one.withoutHeads(0, 13, 40);
        assertArrayEquals(pruned.lastHiddenState(passage), pruned.withThreads(2).lastHiddenState(passage));
        assertEquals(2, two.withoutHeads(0).threads(), "the other copies keep the threads");
        Bert topK = one.withAttention(AttentionRule.topK(8));
        assertArrayEquals(topK.lastHiddenState(passage), topK.withThreads(2).lastHiddenState(passage));
        assertArrayEquals(topK.attention(passage).probabilitiesArray(),
                two.withAttention(AttentionRule.topK(8)).attention(passage).probabilitiesArray());
    }

    @Test
    void refusesFewerThanOneThreadByName() {
        for (int threads : new int[] {0, -3}) {
            assertEquals("threads = " + threads + " must be at least 1",
                    assertThrows(IllegalArgumentException.class, () -> one.withThreads(threads)).getMessage());
        }
        assertSame(one.config(), two.config());
        assertTrue(two.toString().endsWith(", 2 threads]"), two.toString());
        assertTrue(!one.toString().contains("threads"), one.toString());
    }
}
