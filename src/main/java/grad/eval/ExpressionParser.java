package grad.eval;

import static grad.eval.TokenType.CARET;
import static grad.eval.TokenType.EOF;
import static grad.eval.TokenType.EQUAL;
import static grad.eval.TokenType.IDENTIFIER;
import static grad.eval.TokenType.LEFT_PAREN;
import static grad.eval.TokenType.MINUS;
import static grad.eval.TokenType.NUMBER;
import static grad.eval.TokenType.PLUS;
import static grad.eval.TokenType.RIGHT_PAREN;
import static grad.eval.TokenType.SEMICOLON;
import static grad.eval.TokenType.SLASH;
import static grad.eval.TokenType.STAR;

import grad.engine.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A recursive-descent parser that evaluates as it parses: each rule returns the {@link Value} of what
 * it read, built with the engine's operations, so {@code backward()} on the result differentiates the
 * formula exactly as the engine would any other graph.
 *
 * <p>The grammar, from the loosest binding to the tightest (one method per rule):
 *
 * <pre>
 * program    → statement ( ";" statement )* ";"?
 * statement  → IDENTIFIER "=" expression | expression
 * expression → term ( ( "+" | "-" ) term )*             left associative: a-b-c = (a-b)-c
 * term       → unary ( ( "*" | "/" ) unary )*           left associative: 8/4/2 = 1
 * unary      → "-" unary | power                        -a^2 = -(a^2), as in mathematics
 * power      → call ( "^" unary )?                      right associative: 2^3^2 = 2^9
 * call       → FUNCTION "(" expression ")" | primary    FUNCTION: relu exp log tanh sigmoid
 * primary    → NUMBER | IDENTIFIER | "(" expression ")"
 * </pre>
 *
 * <p>{@code **} is a synonym of {@code ^}. Every power is a {@code pow} node with two operands, the base
 * and the exponent, and differentiates with respect to both. A literal exponent ({@code x^2},
 * {@code x^-1}) is one constant leaf ({@code -1}, not the negation of {@code 1}), drawn as a leaf
 * feeding the {@code ^} node; any other exponent ({@code x^y}, {@code x^(1+1)}) is the node its own
 * expression computes.
 *
 * <p>Statements name intermediate results, so micrograd's examples read as they do in Python:
 * {@code c = a + b; d = c * c; d + 1}. The value of a program is that of its last statement. Python's
 * {@code c += x} is written {@code c = c + x}. The given variables cannot be reassigned.
 *
 * <p>Nesting (parentheses, unary minus, exponents) is limited to {@value #MAX_DEPTH} levels, so a
 * pathological input fails with a clear error rather than exhausting the stack.
 */
public final class ExpressionParser {
    /** The deepest nesting accepted. */
    public static final int MAX_DEPTH = 200;

    private static final Map<String, UnaryOperator<Value>> FUNCTIONS = functions();

    private final String source;
    private final List<Token> tokens;
    private final Map<String, Value> inputs = new LinkedHashMap<>();
    private final Map<String, Value> named = new HashMap<>();
    private final Set<String> used = new LinkedHashSet<>();
    /** Names without a value, each with the first place it is used. */
    private final Map<String, Token> undefined = new LinkedHashMap<>();
    private int current;
    private int depth;

    private ExpressionParser(String source, Map<String, Double> variables) {
        this.source = source;
        this.tokens = new Lexer(source).scan();
        variables.forEach((name, value) -> inputs.put(name, Value.of(value, name)));
    }

    /**
     * Parses and evaluates {@code source}, with each variable a named leaf holding its given value.
     *
     * @param source    the expression, or a program of {@code name = expression;} statements
     * @param variables the variables' values, in the order they were given
     * @throws ExpressionException for a syntax error, an undefined name, or nesting deeper than
     *                             {@link #MAX_DEPTH}; nothing else
     */
    public static Evaluation evaluate(String source, Map<String, Double> variables) {
        ExpressionParser parser = new ExpressionParser(source, variables);
        Value output = parser.program();
        if (!parser.undefined.isEmpty()) {
            Token first = parser.undefined.values().iterator().next();
            List<String> names = new ArrayList<>(parser.undefined.keySet());
            String reason = names.size() == 1
                    ? "undefined variable '" + names.get(0) + "'; give it a value, like " + names.get(0) + "=1.5"
                    : "undefined variables " + String.join(", ", names) + "; give each a value, like "
                            + names.get(0) + "=1.5";
            throw new ExpressionException(reason, source, first.start());
        }
        List<String> unused = new ArrayList<>();
        for (String name : parser.inputs.keySet()) {
            if (!parser.used.contains(name)) {
                unused.add(name);
            }
        }
        return new Evaluation(output, parser.inputs, unused);
    }

    /** Whether {@code name} is one of the functions, which cannot be variables. */
    public static boolean isFunction(String name) {
        return FUNCTIONS.containsKey(name);
    }

    private Value program() {
        if (check(EOF)) {
            throw error(peek(), "the expression is empty");
        }
        Value value = statement();
        while (match(SEMICOLON)) {
            if (check(EOF)) {
                break;
            }
            value = statement();
        }
        if (!check(EOF)) {
            Token extra = peek();
            throw error(extra, "unexpected " + extra.describe() + " after a complete expression"
                    + (extra.type() == RIGHT_PAREN ? " (no '(' to close)" : "; is an operator missing?"));
        }
        return value;
    }

    private Value statement() {
        if (check(IDENTIFIER) && peekNext().type() == EQUAL) {
            Token name = advance();
            advance();
            if (FUNCTIONS.containsKey(name.lexeme())) {
                throw error(name, "cannot assign to '" + name.lexeme() + "': it is a function");
            }
            if (inputs.containsKey(name.lexeme())) {
                throw error(name, "cannot assign to '" + name.lexeme()
                        + "': it is a given variable; choose another name");
            }
            Value value = expression();
            named.put(name.lexeme(), value);
            return value.label() == null ? value.label(name.lexeme()) : value;
        }
        return expression();
    }

    private Value expression() {
        Value value = term();
        while (check(PLUS) || check(MINUS)) {
            TokenType operator = advance().type();
            Value right = term();
            value = operator == PLUS ? value.add(right) : value.sub(right);
        }
        return value;
    }

    private Value term() {
        Value value = unary();
        while (check(STAR) || check(SLASH)) {
            TokenType operator = advance().type();
            Value right = unary();
            value = operator == STAR ? value.mul(right) : value.div(right);
        }
        return value;
    }

    /** Every recursive path goes through here, so this is where nesting is counted. */
    private Value unary() {
        if (++depth > MAX_DEPTH) {
            throw error(peek(), "nested too deeply: more than " + MAX_DEPTH + " levels");
        }
        try {
            if (match(MINUS)) {
                return unary().neg();
            }
            return power();
        } finally {
            depth--;
        }
    }

    private Value power() {
        Value base = call();
        if (!match(CARET)) {
            return base;
        }
        Double literal = literalExponent();
        return literal != null ? base.pow(literal) : base.pow(unary());
    }

    /** The exponent when it is a plain number such as {@code 2} or {@code -1} (consumed), else null. */
    private Double literalExponent() {
        int at = current;
        boolean negative = tokens.get(at).type() == MINUS;
        Token number = tokens.get(negative ? at + 1 : at);
        if (number.type() != NUMBER || tokens.get(negative ? at + 2 : at + 1).type() == CARET) {
            return null;
        }
        current = negative ? at + 2 : at + 1;
        return negative ? -number.number() : number.number();
    }

    private Value call() {
        Token name = peek();
        if (name.type() == IDENTIFIER && FUNCTIONS.containsKey(name.lexeme())) {
            advance();
            if (!check(LEFT_PAREN)) {
                throw error(name, "'" + name.lexeme() + "' is a function: write " + name.lexeme() + "(...)");
            }
            Value argument = parenthesized();
            return FUNCTIONS.get(name.lexeme()).apply(argument);
        }
        if (name.type() == IDENTIFIER && peekNext().type() == LEFT_PAREN) {
            throw error(name, "unknown function '" + name.lexeme() + "'; the functions are "
                    + String.join(", ", FUNCTIONS.keySet()));
        }
        return primary();
    }

    private Value primary() {
        Token token = peek();
        switch (token.type()) {
            case NUMBER -> {
                advance();
                return Value.of(token.number());
            }
            case IDENTIFIER -> {
                advance();
                return variable(token);
            }
            case LEFT_PAREN -> {
                return parenthesized();
            }
            default -> throw error(token, "expected a number, a variable or '(', found " + token.describe());
        }
    }

    private Value parenthesized() {
        Token open = advance();
        Value value = expression();
        if (!match(RIGHT_PAREN)) {
            throw error(peek(), "expected ')' to close the '(' at column " + (open.start() + 1)
                    + ", found " + peek().describe());
        }
        return value;
    }

    private Value variable(Token token) {
        String name = token.lexeme();
        Value value = named.get(name);
        if (value != null) {
            return value;
        }
        value = inputs.get(name);
        if (value != null) {
            used.add(name);
            return value;
        }
        undefined.putIfAbsent(name, token);
        return Value.of(Double.NaN, name);
    }

    private boolean match(TokenType type) {
        if (!check(type)) {
            return false;
        }
        current++;
        return true;
    }

    private boolean check(TokenType type) {
        return peek().type() == type;
    }

    private Token advance() {
        Token token = peek();
        if (token.type() != EOF) {
            current++;
        }
        return token;
    }

    private Token peek() {
        return tokens.get(current);
    }

    private Token peekNext() {
        return tokens.get(Math.min(current + 1, tokens.size() - 1));
    }

    private ExpressionException error(Token token, String reason) {
        return new ExpressionException(reason, source, token.start());
    }

    private static Map<String, UnaryOperator<Value>> functions() {
        Map<String, UnaryOperator<Value>> functions = new LinkedHashMap<>();
        functions.put("relu", Value::relu);
        functions.put("exp", Value::exp);
        functions.put("log", Value::log);
        functions.put("tanh", Value::tanh);
        functions.put("sigmoid", Value::sigmoid);
        return Collections.unmodifiableMap(functions);
    }
}
