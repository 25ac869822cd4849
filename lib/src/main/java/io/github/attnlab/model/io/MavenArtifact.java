package io.github.attnlab.model.io;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A jar in the local Maven repository, where the build puts the model weights on first use.
 *
 * <p>The repository is {@code $maven.repo.local} when that system property is set, else
 * {@code ~/.m2/repository}. The weights are test-scope dependencies of the library module, so any
 * {@code ./mvnw verify} (or {@code ./mvnw -pl lib test-compile}) fetches them from Maven Central;
 * {@link #fetchCommand()} is the single command that fetches only this artifact.
 *
 * @param groupId    Maven group
 * @param artifactId Maven artifact
 * @param version    Maven version
 */
public record MavenArtifact(String groupId, String artifactId, String version) {

    /** The dependency plugin version used in {@link #fetchCommand()} (the one the build pins). */
    private static final String DEPENDENCY_PLUGIN = "org.apache.maven.plugins:maven-dependency-plugin:3.8.1";

    /** The local repository in effect. */
    public static Path localRepository() {
        String p = System.getProperty("maven.repo.local");
        if (p != null && !p.isBlank()) {
            return Path.of(p);
        }
        return Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    /** Where the jar lives (or would live) in the local repository. */
    public Path path() {
        return localRepository().resolve(groupId.replace('.', '/')).resolve(artifactId).resolve(version)
                .resolve(artifactId + "-" + version + ".jar");
    }

    /** The shell command, run in the AttnLab checkout, that downloads this jar from Maven Central. */
    public String fetchCommand() {
        return "./mvnw -B -ntp -q -N " + DEPENDENCY_PLUGIN + ":get -Dartifact=" + this + " -Dtransitive=false";
    }

    /**
     * The jar's path, or an {@link IllegalStateException} saying exactly what to run when it is absent.
     */
    public Path require() {
        Path p = path();
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException("the weights " + this + " are not in the local Maven repository (" + p
                    + "). Fetch them from Maven Central with\n  " + fetchCommand()
                    + "\n(or build the library once: ./mvnw -B -ntp -pl lib test-compile)");
        }
        return p;
    }

    /** {@code groupId:artifactId:version}. */
    @Override
    public String toString() {
        return groupId + ":" + artifactId + ":" + version;
    }
}
