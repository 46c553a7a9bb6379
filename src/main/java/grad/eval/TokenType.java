package grad.eval;

/** The kinds of token in an expression. */
enum TokenType {
    NUMBER, IDENTIFIER,
    PLUS, MINUS, STAR, SLASH, CARET,
    LEFT_PAREN, RIGHT_PAREN, EQUAL, SEMICOLON,
    EOF
}
