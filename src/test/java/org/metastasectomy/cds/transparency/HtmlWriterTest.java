package org.metastasectomy.cds.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HtmlWriterTest {
  @Test
  void escapesTextAndAttributeValues() {
    String html = new HtmlWriter().open("p", "title", "a\"b<c>").text("x < y & 'z'").close("p").html();
    assertThat(html).isEqualTo("<p title=\"a&quot;b&lt;c&gt;\">x &lt; y &amp; &#39;z&#39;</p>\n");
  }

  @Test
  void refusesBrokenNestingUnclosedElementsAndNamesThatAreNotPlain() {
    assertThatThrownBy(() -> new HtmlWriter().open("ul").open("li").close("ul")).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> new HtmlWriter().open("ul").html()).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> new HtmlWriter().open("p onclick=x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new HtmlWriter().open("p", "onclick=\"x\" a", "1")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new HtmlWriter().style("</style><script>")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void outsideLinksSendNoReferrer() {
    assertThat(new HtmlWriter().link("https://doi.org/10.1/x", "d").html()).contains("rel=\"noopener noreferrer\"");
    assertThat(new HtmlWriter().link("rules#imdc", "IMDC").html()).isEqualTo("<a href=\"rules#imdc\">IMDC</a>");
  }
}
