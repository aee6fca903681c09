package org.metastasectomy.cds.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogTextTest {
  @Test
  void controlCharactersAndNonAsciiAreEscapedSoNoLogLineCanBeStartedOrRecoloured() {
    assertThat(LogText.of("a\nb\r\nc\td\u001b[31me\u0000f\u202eg\\h"))
        .isEqualTo("a\\nb\\r\\nc\\td\\u001b[31me\\u0000f\\u202eg\\\\h")
        .doesNotContain("\n", "\r", "\u001b", "\u202e");
  }

  @Test
  void longValuesAreCutAndSaySo() {
    assertThat(LogText.of("x".repeat(1000))).hasSize(LogText.MAX + 3).endsWith("...");
    assertThat(LogText.of("x".repeat(LogText.MAX))).hasSize(LogText.MAX);
    assertThat(LogText.of(null)).isNull();
  }
}
