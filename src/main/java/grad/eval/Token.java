package grad.eval;

/**
 * One token of an expression.
 *
 * @param type   what kind of token
 * @param lexeme the characters it was read from ({@code ""} for the end)
 * @param number the value of a {@link TokenType#NUMBER}, else 0
 * @param start  index of its first character in the source
 */
record Token(TokenType type, String lexeme, double number, int start) {

    /** How an error message names this token. */
    String describe() {
        return type == TokenType.EOF ? "the end of the expression" : "'" + lexeme + "'";
    }
}
