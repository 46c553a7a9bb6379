package grad.text;

/** How a text model runs: compiled to a program per document length, or as a new Value graph per document. */
public enum TextEngine {
    COMPILED, VALUE
}
