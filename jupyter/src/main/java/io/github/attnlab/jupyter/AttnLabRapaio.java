package io.github.attnlab.jupyter;

import java.util.List;
import java.util.Map;
import org.rapaio.jupyter.kernel.display.DisplayData;
import org.rapaio.jupyter.kernel.display.DisplayRenderer;
import org.rapaio.jupyter.kernel.display.DisplayTransformer;
import org.rapaio.jupyter.kernel.display.spi.DisplayProvider;

/**
 * The rapaio kernel's display provider, found by ServiceLoader
 * ({@code META-INF/services/org.rapaio.jupyter.kernel.display.spi.DisplayProvider}).
 *
 * <p>rapaio asks its renderers by class before its transformers by value; a transformer sees the value, so only the
 * library's values are taken: they become a {@link Bundle} (their {@link Rich} MIME bundle), which the renderer
 * here turns into display data. Everything else keeps rapaio's own display.
 */
public final class AttnLabRapaio implements DisplayProvider {

    /** A value's MIME bundle, ready for display. */
    public record Bundle(Map<String, String> data) {

        public Bundle {
            data = Map.copyOf(data);
        }

        @Override
        public String toString() {
            return data.getOrDefault(Rich.PLAIN, "");
        }
    }

    @Override
    public List<DisplayRenderer> getDisplayRenderers() {
        return List.of(new BundleRenderer());
    }

    @Override
    public List<DisplayTransformer> getDisplayTransformers() {
        return List.of(new BundleTransformer());
    }

    static final class BundleTransformer implements DisplayTransformer {

        @Override
        public boolean canTransform(Object value) {
            return Rich.handles(value);
        }

        @Override
        public Class<?> transformedClass() {
            return Bundle.class;
        }

        @Override
        public Object transform(Object value) {
            return new Bundle(Rich.bundle(value));
        }
    }

    static final class BundleRenderer implements DisplayRenderer {

        @Override
        public Class<?> rendererClass() {
            return Bundle.class;
        }

        @Override
        public boolean canRender(String mime) {
            return true;
        }

        @Override
        public DisplayData render(String mime, Object value) {
            Map<String, String> data = ((Bundle) value).data();
            DisplayData out = DisplayData.withType(Rich.PLAIN, data.getOrDefault(Rich.PLAIN, ""));
            for (String type : List.of(Rich.HTML, Rich.PNG, Rich.SVG)) {
                if (data.containsKey(type) && (mime == null || mime.equals(type) || mime.equals(Rich.PLAIN))) {
                    out.putData(type, data.get(type));
                }
            }
            return out;
        }
    }
}
