/**
 * The uncased BERT tokenizer (basic tokenization and WordPiece), identical to the reference tokenizer: the input
 * side of the real attention tensors the papers' statements are checked on ({@code docs/papers/}).
 */
package io.github.attnlab.model.text;
