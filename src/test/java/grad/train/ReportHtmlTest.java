package grad.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReportHtmlTest {

    @Test
    void numbersHaveFourSignificantDigitsAndExtremesScientificNotation() {
        assertThat(ReportHtml.number(0.0141749)).isEqualTo("0.01417");
        assertThat(ReportHtml.number(12.0)).isEqualTo("12");
        assertThat(ReportHtml.number(-0.25)).isEqualTo("-0.25");
        assertThat(ReportHtml.number(6.8312e212)).isEqualTo("6.831e+212");
        assertThat(ReportHtml.number(2.5e-7)).isEqualTo("2.500e-07");
        assertThat(ReportHtml.number(null)).isEqualTo("—");
        assertThat(ReportHtml.number(Double.NaN)).isEqualTo("—");
        assertThat(ReportHtml.percent(0.98)).isEqualTo("98.0%");
    }

    @Test
    void textIsEscapedAndLinksArePercentEncoded() {
        assertThat(ReportHtml.esc("<a href=\"x\">'&'</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
        assertThat(ReportHtml.href("curves_my data#1?.png")).isEqualTo("curves_my%20data%231%3F.png");
        assertThat(ReportHtml.href("c:é.png")).isEqualTo("c%3A%C3%A9.png");
    }

    @Test
    void healthWarningsHaveTheirOwnSectionOnlyWhenThereAreSome() {
        var metrics = MetricsJson.fromJson("""
                {"status":"diverged","config":{"lr":1000.0},"dataset":{"name":"xor","rows":4,"train_rows":4,
                "test_rows":0,"features":["x","y"],"task":"classification","classes":["0","1"]},"epochs":[],
                "divergence":{"epoch":2,"message":"the loss became NaN <here>"}}""");
        var links = new ReportHtml.Links(null, null, null, null, null, null, List.of(), List.of(), null);

        String quiet = ReportHtml.render(metrics, "2-10-2 MLP, 52 parameters", links, List.of());
        String warned = ReportHtml.render(metrics, "2-10-2 MLP, 52 parameters", links, List.of("dead ReLUs: 9 of 10"));

        assertThat(quiet).doesNotContain("id=\"health\"").contains("Diverged in epoch 2: the loss became NaN &lt;here&gt;");
        assertThat(warned).contains("<section id=\"health\"").contains("<li>dead ReLUs: 9 of 10</li>");
    }
}
