package io.github.attnlab.jupyter;

import io.github.attnlab.model.view.AttentionView;
import io.github.attnlab.plot.Figure;
import java.util.Map;
import org.dflib.jjava.jupyter.Extension;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.RenderContext;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;

/**
 * The JJava extension: registered in {@code META-INF/services/org.dflib.jjava.jupyter.Extension}, so JJava installs
 * it when the jar is on the kernel's classpath at start-up ({@code JJAVA_CLASSPATH}) or added later
 * ({@code %classpath}, {@code %maven}). It renders the library's values through {@link Rich} and evaluates
 * {@link Imports#script()}.
 *
 * <p>Records of other packages registered here get {@code text/plain} only, which is what JJava would show anyway.
 */
public final class AttnLabJJava implements Extension {

    @Override
    public void install(BaseKernel kernel) {
        register(kernel.getRenderer());
        kernel.eval(Imports.script());
    }

    /** Adds the render functions to a JJava renderer: attention views, figures and records. */
    public static void register(Renderer renderer) {
        MIMEType[] types = {MIMEType.TEXT_HTML, MIMEType.IMAGE_PNG, MIMEType.IMAGE_SVG};
        renderer.createRegistration(AttentionView.class).preferring(types).supporting(MIMEType.TEXT_PLAIN)
                .register(AttnLabJJava::render);
        renderer.createRegistration(Figure.class).preferring(types).supporting(MIMEType.TEXT_PLAIN)
                .register(AttnLabJJava::render);
        renderer.createRegistration(Record.class).preferring(types).supporting(MIMEType.TEXT_PLAIN)
                .register(AttnLabJJava::render);
    }

    private static void render(Object value, RenderContext context) {
        DisplayData out = context.getOutputContainer();
        for (Map.Entry<String, String> e : Rich.bundle(value).entrySet()) {
            MIMEType type = MIMEType.parse(e.getKey());
            if (type.equals(MIMEType.TEXT_PLAIN) || context.wantsDataRenderedAs(type)) {
                out.putData(type, e.getValue());
            }
        }
    }
}
