package io.github.attnlab.spark;

import io.github.attnlab.core.Check;

/**
 * A passage the job could not analyse: one row of the job's Parquet output ({@code errors/}).
 *
 * @param passageId the passage's id (or {@code <row n>} when the input row has none)
 * @param message   what is wrong, naming the passage
 */
public record PassageError(String passageId, String message) {

    /** Validates. */
    public PassageError {
        Check.notNull("passageId", passageId);
        Check.notNull("message", message);
    }
}
