package grad.eval;

import java.util.ArrayList;
import java.util.List;

/** Splits an expression into tokens, as jlox's scanner does. */
final class Lexer {
    private final String source;
    private final List<Token> tokens = new ArrayList<>();
    private int start;
    private int current;

    Lexer(String source) {
        this.source = source;
    }

    List<Token> scan() {
        while (current < source.length()) {
            start = current;
            scanToken();
        }
        tokens.add(new Token(TokenType.EOF, "", 0, source.length()));
        return tokens;
    }

    private void scanToken() {
        char c = source.charAt(current++);
        switch (c) {
            case ' ', '\t', '\r', '\n' -> { }
            case '+' -> add(TokenType.PLUS);
            case '-' -> add(TokenType.MINUS);
            case '/' -> add(TokenType.SLASH);
            case '^' -> add(TokenType.CARET);
            case '(' -> add(TokenType.LEFT_PAREN);
            case ')' -> add(TokenType.RIGHT_PAREN);
            case '=' -> add(TokenType.EQUAL);
            case ';' -> add(TokenType.SEMICOLON);
            // Python's ** is accepted as a synonym of ^, for readers coming from micrograd.
            case '*' -> add(match('*') ? TokenType.CARET : TokenType.STAR);
            default -> {
                if (isDigit(c) || c == '.') {
                    number();
                } else if (isIdentifierStart(c)) {
                    identifier();
                } else {
                    throw new ExpressionException("unexpected character " + show(c), source, start);
                }
            }
        }
    }

    /** {@code 2}, {@code 0.5}, {@code .5}, {@code 2.}, {@code 1e-3}. */
    private void number() {
        current--;
        int digits = digits();
        if (peek() == '.') {
            current++;
            digits += digits();
        }
        if (digits == 0) {
            throw new ExpressionException("a number needs a digit: '.' alone is not a number", source, start);
        }
        if (peek() == 'e' || peek() == 'E') {
            current++;
            if (peek() == '+' || peek() == '-') {
                current++;
            }
            if (digits() == 0) {
                throw new ExpressionException("malformed number '" + source.substring(start, current)
                        + "': the exponent needs digits", source, current);
            }
        }
        String lexeme = source.substring(start, current);
        tokens.add(new Token(TokenType.NUMBER, lexeme, Double.parseDouble(lexeme), start));
    }

    private int digits() {
        int from = current;
        while (isDigit(peek())) {
            current++;
        }
        return current - from;
    }

    private void identifier() {
        while (isIdentifierPart(peek())) {
            current++;
        }
        add(TokenType.IDENTIFIER);
    }

    private boolean match(char expected) {
        if (peek() != expected) {
            return false;
        }
        current++;
        return true;
    }

    private char peek() {
        return current < source.length() ? source.charAt(current) : '\0';
    }

    private void add(TokenType type) {
        tokens.add(new Token(type, source.substring(start, current), 0, start));
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isIdentifierStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    static boolean isIdentifierPart(char c) {
        return isIdentifierStart(c) || isDigit(c);
    }

    private static String show(char c) {
        return Character.isISOControl(c) || Character.isSurrogate(c) || Character.isWhitespace(c)
                ? String.format("U+%04X", (int) c)
                : "'" + c + "'";
    }
}
