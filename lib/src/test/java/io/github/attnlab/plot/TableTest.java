package io.github.attnlab.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Typed tables: filters, columns, groups, summaries, text and charts. */
class TableTest {

    record Head(String model, int layer, double gap) {
    }

    private static final List<Head> ROWS = List.of(new Head("a", 0, 0.5), new Head("a", 1, 0.25), new Head("b", 0, 0.75),
            new Head("b", 1, 0.125), new Head("b", 1, 0.375));

    @Test
    void filtersColumnsAndGroups() {
        Table<Head> t = Table.of(ROWS);
        assertEquals(5, t.size());
        assertEquals(2, t.count(h -> h.layer() == 0));
        assertEquals(0.75, t.max(Head::gap), 0);
        assertEquals(new Head("b", 0, 0.75), t.argmax(Head::gap));
        assertEquals(0.25, t.where(h -> h.model().equals("b") && h.layer() == 1).mean(Head::gap), 1e-15);
        Map<String, Table<Head>> byModel = t.groupBy(Head::model);
        assertEquals(List.of("a", "b"), List.copyOf(byModel.keySet()));
        assertEquals(3, byModel.get("b").size());
        assertEquals(0.4, t.summary(Head::gap).mean(), 1e-15);
        assertThrows(IllegalStateException.class, () -> t.where(h -> false).max(Head::gap));
    }

    @Test
    void printsAndDraws() {
        Table<Head> t = Table.of(ROWS);
        String text = t.text(2);
        assertTrue(text.startsWith("model  layer   gap\n    a      0   0.5\n    a      1  0.25\n"), text);
        assertTrue(text.contains("... 3 more rows"), text);
        assertEquals("Table[5 rows of Head: model layer gap]", t.toString());
        assertEquals(2, t.meanChart("gap", "layer", Head::layer, "gap", Head::gap, Head::model).chart().getXYPlot()
                .getDataset().getSeriesCount());
        assertTrue(t.chart("gap", "layer", Head::layer, "gap", Head::gap, Head::model).png(200, 150).getWidth() == 200);
    }
}
