package io.github.attnlab.model.view;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/**
 * Headless Chromium for the view's browser test: a screenshot, or the DOM after the page's scripts ran. Started
 * with a fresh profile and without any background networking (the machines that run the tests have no network).
 * The browser is {@code $ATTNLAB_CHROMIUM}, else the first of chromium, chromium-browser, google-chrome on the
 * PATH; {@code scripts/install.sh} installs Debian's chromium.
 */
final class Chromium {

    private static final long TIMEOUT_SECONDS = 120;

    private Chromium() {
    }

    static String executable() {
        String env = System.getenv("ATTNLAB_CHROMIUM");
        if (env != null && !env.isBlank()) {
            return env;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : new String[] {"chromium", "chromium-browser", "google-chrome"}) {
                if (Files.isExecutable(Path.of(dir, name))) {
                    return Path.of(dir, name).toString();
                }
            }
        }
        throw new AssertionError("no Chromium on the PATH: the attention view's browser test needs one "
                + "(bash scripts/install.sh installs Debian's chromium; or set ATTNLAB_CHROMIUM)");
    }

    static BufferedImage screenshot(Path page, String fragment, int width, int height, Path out) throws Exception {
        run(page, fragment, List.of("--window-size=" + width + "," + height, "--screenshot=" + out.toAbsolutePath()),
                out.getParent());
        BufferedImage img = ImageIO.read(out.toFile());
        if (img == null) {
            throw new AssertionError("Chromium wrote no image to " + out);
        }
        return img;
    }

    static String dom(Path page, String fragment, Path work) throws Exception {
        return run(page, fragment, List.of("--dump-dom"), work);
    }

    private static String run(Path page, String fragment, List<String> extra, Path work) throws Exception {
        Path profile = Files.createTempDirectory(work, "chromium-profile");
        List<String> cmd = new ArrayList<>(List.of(executable(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--hide-scrollbars", "--user-data-dir=" + profile));
        cmd.addAll(extra);
        cmd.add(page.toAbsolutePath().toUri() + fragment);
        Path stdout = work.resolve("chromium.out");
        Path stderr = work.resolve("chromium.err");
        Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("Chromium did not finish in " + TIMEOUT_SECONDS + " s: " + cmd);
        }
        if (p.exitValue() != 0) {
            throw new AssertionError("Chromium exited with " + p.exitValue() + ": " + Files.readString(stderr));
        }
        return Files.readString(stdout, StandardCharsets.UTF_8);
    }

    static void delete(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var s = Files.walk(dir)) {
                s.sorted((a, b) -> b.compareTo(a)).forEach(x -> x.toFile().delete());
            }
        }
    }
}
