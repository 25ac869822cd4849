package io.github.attnlab.jupyter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ServiceLoader;
import org.rapaio.jupyter.kernel.display.DisplayData;
import org.rapaio.jupyter.kernel.display.DisplaySystem;
import org.rapaio.jupyter.kernel.display.spi.DisplayProvider;
import org.junit.jupiter.api.Test;

/**
 * The rapaio display provider through rapaio's own display system (rapaio-jupyter-kernel 3.0.1), which finds it by
 * ServiceLoader and renders a cell's value with it. (The real kernel is exercised by scripts/display-test.py.)
 */
class RapaioProviderTest {

    @Test
    void theProviderIsFound() {
        assertTrue(ServiceLoader.load(DisplayProvider.class).stream().anyMatch(p -> p.type() == AttnLabRapaio.class));
    }

    @Test
    void valuesRenderAsTheirBundles() {
        DisplaySystem ds = DisplaySystem.inst();
        ds.refreshSpiDisplayHandlers();
        DisplayData view = ds.render(Values.view());
        assertTrue(String.valueOf(view.data().get(Rich.HTML)).contains("attnlab-view"));
        assertTrue(view.data().containsKey(Rich.PNG));
        DisplayData chart = ds.render(Values.chart());
        assertTrue(chart.data().containsKey(Rich.PNG) && chart.data().containsKey(Rich.SVG));
        assertFalse(chart.data().containsKey(Rich.HTML));
        DisplayData record = ds.render(Values.certificate());
        assertTrue(String.valueOf(record.data().get(Rich.HTML)).startsWith("<table"));
        assertEquals(Values.certificate().toString(), record.data().get(Rich.PLAIN));
    }

    @Test
    void otherValuesKeepRapaiosDisplay() {
        DisplayData mine = DisplaySystem.inst().render(new org.example.Mine(1, "x"));
        assertFalse(mine.data().containsKey(Rich.PNG));
        assertFalse(String.valueOf(mine.data().get(Rich.HTML)).contains("<table"));
    }
}
