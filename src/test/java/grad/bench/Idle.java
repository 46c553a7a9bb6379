package grad.bench;

/** A JVM that starts and stops: what {@code make bench} subtracts to tell start-up from work. */
final class Idle {
    private Idle() {
    }

    public static void main(String[] args) {
    }
}
