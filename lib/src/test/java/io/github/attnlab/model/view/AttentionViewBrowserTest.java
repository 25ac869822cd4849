package io.github.attnlab.model.view;

import static io.github.attnlab.model.view.ViewFixtures.count;
import static io.github.attnlab.model.view.ViewFixtures.dark;
import static io.github.attnlab.model.view.ViewFixtures.tensor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attnlab.model.AttentionTensor;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The HTML view in a real browser (headless Chromium, no network): its script draws the head chosen in the page's
 * address, with the expected number of lines, and the screenshot shows the tokens on both sides and the coloured
 * support between them. The screenshot is kept in {@code target/attention-view/} for a look.
 */
class AttentionViewBrowserTest {

    /** The page's body margin (browser default) plus the view's own padding: where the SVG's x = 0 lands. */
    private static final int BODY_MARGIN = 8;
    /** Below the controls and the title: where token rows start in the screenshot. */
    private static final int ROWS_FROM_Y = 80;
    /** Far above anti-aliasing noise: a token column of 14 words has thousands of dark pixels. */
    private static final int SOME_PIXELS = 150;
    private static final Path OUT = Path.of("target", "attention-view");

    private static Path work;

    @BeforeAll
    static void setUp() throws Exception {
        Files.createDirectories(OUT);
        work = Files.createTempDirectory(OUT, "work");
    }

    @AfterAll
    static void tearDown() throws Exception {
        Chromium.delete(work);
    }

    private static AttentionView view() {
        AttentionTensor t = tensor(11, 2, 3, 14, 2.5);
        return t.view(0, 0).topk(0.05);
    }

    @Test
    void scriptDrawsTheHeadChosenInTheAddress() throws Exception {
        Path page = view().save(work.resolve("view.html"));
        String dom = Chromium.dom(page, "#attnlab=1,2", work);
        Matcher m = Pattern.compile("data-state=\"([^\"]*)\"").matcher(dom);
        assertTrue(m.find(), "the script ran and set data-state");
        ViewData d = ViewData.compute(view().tensor(), new int[] {0, 1}, 0, 14, 0.02, 0.05, Double.NaN);
        int lines = 0;
        for (int q = 0; q < 14; q++) {
            lines += d.lines[1][2][q].length / 2 + d.topk[1][2][q].length / 2;
        }
        assertEquals("layer 1 head 2 TOPK, " + lines + " lines", m.group(1));
    }

    @Test
    void screenshotShowsTokensAndColouredLines() throws Exception {
        Path page = view().save(work.resolve("shot.html"));
        BufferedImage img = Chromium.screenshot(page, "", 640, 420, OUT.resolve("attention-view.png"));
        int h = img.getHeight();
        int left0 = BODY_MARGIN + ViewPainter.PAD;
        int left1 = left0 + ViewPainter.COLUMN;
        int right0 = left1 + ViewPainter.GAP;
        int right1 = right0 + ViewPainter.COLUMN;
        assertTrue(dark(img, left0, ROWS_FROM_Y, left1, h) > SOME_PIXELS, "query tokens");
        assertTrue(dark(img, right0, ROWS_FROM_Y, right1, h) > SOME_PIXELS, "key tokens");
        assertTrue(count(img, left1 + 10, ROWS_FROM_Y, right0 - 10, h, ViewPainter.TOPK, 24) > 4 * SOME_PIXELS,
                "top-k lines");
        assertTrue(dark(img, right1 + 40, ROWS_FROM_Y, img.getWidth(), h) < SOME_PIXELS / 10, "nothing beyond");

        Path empty = view().minWeight(1.0).overlay(LineOverlay.ATTENTION).save(work.resolve("empty.html"));
        BufferedImage none = Chromium.screenshot(empty, "", 640, 420, work.resolve("empty.png"));
        assertEquals(0, count(none, left1 + 10, ROWS_FROM_Y, right0 - 10, h, ViewPainter.TOPK, 24));
        assertTrue(dark(none, right0, ROWS_FROM_Y, right1, h) > SOME_PIXELS, "tokens without lines");
    }
}
