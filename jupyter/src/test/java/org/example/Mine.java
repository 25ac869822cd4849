package org.example;

/** A record of a user's own (outside io.github.attnlab): the display must leave it to the kernel. */
public record Mine(int a, String b) {
}
