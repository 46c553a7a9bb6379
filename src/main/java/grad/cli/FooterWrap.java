package grad.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.IHelpSectionRenderer;

/**
 * The footer of {@code --help} (the examples and the exit status) wrapped to the usage width at spaces only,
 * never inside a word: an example line (indented by two spaces) continues on the next line after a
 * {@code " \"}, indented further, so that it can still be copied into a shell as it is (an option stays on
 * the line of its value); other lines are wrapped as prose. A word longer than the width stays whole, on a
 * line of its own.
 */
final class FooterWrap implements IHelpSectionRenderer {
    private static final String EXAMPLE = "  ";
    private static final String CONTINUED = "      ";

    /** Has {@code cmd} and its subcommands render their footers so. */
    static void install(CommandLine cmd) {
        cmd.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER, new FooterWrap());
        cmd.getSubcommands().values().forEach(FooterWrap::install);
    }

    @Override
    public String render(Help help) {
        StringBuilder sb = new StringBuilder();
        for (String line : help.commandSpec().usageMessage().footer()) {
            List<String> wrapped = line.startsWith(EXAMPLE) ? command(line.substring(EXAMPLE.length()), help.commandSpec().usageMessage().width())
                    : prose(line, help.commandSpec().usageMessage().width());
            wrapped.forEach(l -> sb.append(l).append(System.lineSeparator()));
        }
        return sb.toString();
    }

    /** A shell command in lines of at most {@code width} characters, each but the last ending in {@code " \"}. */
    static List<String> command(String command, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder(EXAMPLE);
        boolean empty = true;
        for (String word : units(shellWords(command))) {
            if (!empty && line.length() + 1 + word.length() + 2 > width) {
                lines.add(line.append(" \\").toString());
                line = new StringBuilder(CONTINUED);
                empty = true;
            }
            line.append(empty ? "" : " ").append(word);
            empty = false;
        }
        lines.add(line.toString());
        return lines;
    }

    /** The words, each option joined with its value ({@code --lr 0.01}), so that a line break does not part them. */
    private static List<String> units(List<String> words) {
        List<String> units = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (w.startsWith("-") && i + 1 < words.size() && !words.get(i + 1).startsWith("-")
                    && !words.get(i + 1).equals("&&")) {
                w += " " + words.get(++i);
            }
            units.add(w);
        }
        return units;
    }

    /** Text in lines of at most {@code width} characters, broken at spaces. */
    static List<String> prose(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ", -1)) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line = new StringBuilder();
            } else if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        lines.add(line.toString());
        return lines;
    }

    /** The command's words: split at spaces, except inside quotes, which stay part of the word. */
    private static List<String> shellWords(String command) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        char quote = 0;
        for (char c : command.toCharArray()) {
            if (quote == 0 && c == ' ') {
                if (word.length() > 0) {
                    words.add(word.toString());
                    word.setLength(0);
                }
                continue;
            }
            if (c == '"' || c == '\'') {
                quote = quote == 0 ? c : quote == c ? 0 : quote;
            }
            word.append(c);
        }
        if (word.length() > 0) {
            words.add(word.toString());
        }
        return words;
    }
}
