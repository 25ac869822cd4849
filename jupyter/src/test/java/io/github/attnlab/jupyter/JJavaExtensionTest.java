package io.github.attnlab.jupyter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.dflib.jjava.jupyter.Extension;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.junit.jupiter.api.Test;

/**
 * The JJava extension through JJava's own API (jjava-jupyter 1.0-a6): found by the service loader as JJava finds
 * it, installed into a kernel (its renderer, with JJava's default image, URL and text renderers, and its eval), and
 * rendering through JJava's {@code Renderer} the way a cell's value is rendered.
 */
class JJavaExtensionTest {

    /** A kernel with JJava's real renderer whose evaluator records what it is asked to run. */
    static final class RecordingKernel extends BaseKernel {
        final List<String> evaluated = new ArrayList<>();

        RecordingKernel() {
            super("test", "0", null, List.of(), null, new JupyterIO(StandardCharsets.UTF_8), new CommManager(),
                    new Renderer(), null, null, true, new StringStyler.Builder().build());
        }

        @Override
        public Object evalRaw(String code) {
            evaluated.add(code);
            return null;
        }

        @Override
        public DisplayData inspect(String code, int at, boolean extra) {
            return null;
        }

        @Override
        public ReplacementOptions complete(String code, int at) {
            return null;
        }

        @Override
        public String isComplete(String code) {
            return IS_COMPLETE_YES;
        }
    }

    private static RecordingKernel installed() {
        RecordingKernel kernel = new RecordingKernel();
        Extension ours = ServiceLoader.load(Extension.class).stream().map(ServiceLoader.Provider::get)
                .filter(e -> e instanceof AttnLabJJava).findFirst()
                .orElseThrow(() -> new AssertionError("AttnLabJJava is not registered as a JJava Extension"));
        ours.install(kernel);
        return kernel;
    }

    @Test
    void installRunsTheImports() {
        RecordingKernel kernel = installed();
        assertEquals(List.of(Imports.script()), kernel.evaluated);
        assertTrue(kernel.evaluated.get(0).contains("import io.github.attnlab.topk.*;"));
    }

    @Test
    void valuesRenderAsTheirBundles() {
        Renderer r = installed().getRenderer();
        DisplayData view = r.render(Values.view());
        assertTrue(String.valueOf(view.getData(MIMEType.TEXT_HTML)).contains("attnlab-view"));
        assertTrue(view.hasDataForType(MIMEType.IMAGE_PNG));
        assertEquals(Values.view().toString(), view.getData(MIMEType.TEXT_PLAIN));

        DisplayData chart = r.render(Values.chart());
        assertTrue(chart.hasDataForType(MIMEType.IMAGE_PNG));
        assertTrue(String.valueOf(chart.getData(MIMEType.IMAGE_SVG)).contains("<svg"));
        assertFalse(chart.hasDataForType(MIMEType.TEXT_HTML));

        DisplayData record = r.render(Values.certificate());
        assertTrue(String.valueOf(record.getData(MIMEType.TEXT_HTML)).startsWith("<table"));

        DisplayData curve = r.render(Values.curve());
        assertTrue(curve.hasDataForType(MIMEType.TEXT_HTML) && curve.hasDataForType(MIMEType.IMAGE_SVG));
    }

    @Test
    void otherValuesKeepJJavasDisplay() {
        Renderer r = installed().getRenderer();
        DisplayData mine = r.render(new org.example.Mine(1, "<x>"));
        assertEquals("Mine[a=1, b=<x>]", mine.getData(MIMEType.TEXT_PLAIN));
        assertFalse(mine.hasDataForType(MIMEType.TEXT_HTML));
        DisplayData text = r.render("plain");
        assertEquals("plain", text.getData(MIMEType.TEXT_PLAIN));
        assertFalse(text.hasDataForType(MIMEType.TEXT_HTML));
    }
}
