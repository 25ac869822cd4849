package io.github.attnlab.spark;

/** Where {@link CorpusJob#run()} runs Spark. */
public enum Launch {
    /** In this JVM (a main, a test): needs Spark and the add-opens flags of {@link ChildJvm#ADD_OPENS} on this JVM. */
    IN_PROCESS,
    /**
     * In a child JVM started with Spark's classpath ({@code spark/target/spark-deps}) and flags, whose results are
     * read back: the way a notebook kernel (JShell, its own class loaders, no add-opens flags) runs the job.
     */
    CHILD_JVM
}
