package grad.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressLineTest {
    private final StringWriter text = new StringWriter();
    private final AtomicLong now = new AtomicLong(5_000_000_000L);

    private ProgressLine line(boolean terminal) {
        return new ProgressLine(new PrintWriter(text, true), terminal, now::get, 1, 3, 300_000, epoch -> epoch % 2 == 0);
    }

    @Test
    void onATerminalTheLineShowsEpochRowsSpeedAndTimeLeftAndIsRedrawnInPlace() {
        ProgressLine progress = line(true);
        progress.epochStarting(1);
        now.addAndGet(500_000_000L);
        progress.rowsDone(50_000);
        assertThat(text.toString()).as("nothing in the first second").isEmpty();
        now.addAndGet(1_500_000_000L);
        progress.rowsDone(200_000);
        assertThat(text.toString()).isEqualTo("\repoch 1/3  200,000/300,000 rows  100,000 rows/s  0:07 left");
        now.addAndGet(100_000_000L);
        progress.rowsDone(210_000);
        assertThat(text.toString()).as("not redrawn within 0.2 s").doesNotContain("210,000");
        now.addAndGet(900_000_000L);
        progress.rowsDone(300_000);
        assertThat(text.toString()).endsWith("\repoch 1/3  300,000/300,000 rows  100,000 rows/s  0:06 left");
        assertThat(text.toString()).doesNotContain("\n");
    }

    @Test
    void theLineIsErasedBeforeAnEpochThatPrintsAndAtTheEnd() {
        ProgressLine progress = line(true);
        progress.epochStarting(1);
        now.addAndGet(2_000_000_000L);
        progress.rowsDone(300_000);
        progress.epochEnded(new EpochMetrics(1, 0.5, 0.5));
        String drawn = text.toString();
        assertThat(drawn).as("epoch 1 prints nothing: the line stays").doesNotEndWith("\r");
        progress.epochStarting(2);
        now.addAndGet(1_000_000_000L);
        progress.rowsDone(100_000);
        progress.epochEnded(new EpochMetrics(2, 0.5, 0.5));
        String after = text.toString();
        assertThat(after).startsWith(drawn).endsWith("\r");
        String last = after.substring(after.lastIndexOf("\repoch") + 1, after.length() - 1);
        assertThat(last.substring(last.indexOf('\r') + 1)).isBlank().hasSizeGreaterThanOrEqualTo(last.indexOf('\r'));
        progress.runEnded(null);
        assertThat(text.toString()).isEqualTo(after);
    }

    @Test
    void inAFileOrAPipeNothingIsDrawn() {
        ProgressLine progress = line(false);
        progress.epochStarting(1);
        now.addAndGet(10_000_000_000L);
        progress.rowsDone(300_000);
        progress.epochEnded(new EpochMetrics(1, 0.5, 0.5));
        progress.runEnded(null);
        assertThat(text.toString()).isEmpty();
    }

    @Test
    void durations() {
        assertThat(ProgressLine.duration(7)).isEqualTo("0:07");
        assertThat(ProgressLine.duration(3725)).isEqualTo("1:02:05");
    }
}
