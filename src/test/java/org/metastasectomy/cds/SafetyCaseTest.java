package org.metastasectomy.cds;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/clinical-safety.md names, for every control, the test that proves it: each named test must exist (a test class
 * under src/test/java declaring that method), and every hazard must name at least one.
 */
class SafetyCaseTest {
  private static final Path SAFETY_CASE = Path.of("docs/clinical-safety.md");
  private static final Path TESTS = Path.of("src/test/java");
  private static final Pattern NAMED_TEST = Pattern.compile("`([A-Z][A-Za-z0-9]*(?:Test|IT))\\.([a-z][A-Za-z0-9]*)`");

  @Test
  void everyTestTheSafetyCaseNamesExists() throws IOException {
    List<String> named = namedTests(Files.readString(SAFETY_CASE));
    assertThat(named).hasSizeGreaterThanOrEqualTo(20);
    List<String> missing = new ArrayList<>();
    for (String test : named) {
      if (!exists(test)) {
        missing.add(test);
      }
    }
    assertThat(missing).as("tests named in %s that do not exist", SAFETY_CASE).isEmpty();
  }

  @Test
  void everyHazardNamesATest() throws IOException {
    String[] hazards = Files.readString(SAFETY_CASE).split("\n### ");
    assertThat(hazards.length - 1).as("hazards in the log").isGreaterThanOrEqualTo(8);
    for (int i = 1; i < hazards.length; i++) {
      String hazard = hazards[i];
      assertThat(hazard).as(hazard.lines().findFirst().orElse("")).contains("- **Tests:**", "- **Controls:**",
          "- **Cause:**", "- **Effect:**", "Severity");
      assertThat(namedTests(hazard)).as(hazard.lines().findFirst().orElse("")).isNotEmpty();
    }
  }

  @Test
  void theCheckFailsForATestThatDoesNotExist() throws IOException {
    assertThat(exists("SafetyCaseTest.everyTestTheSafetyCaseNamesExists")).isTrue();
    assertThat(exists("SafetyCaseTest.aTestNobodyWrote")).isFalse();
    assertThat(exists("NoSuchClassTest.everyTestTheSafetyCaseNamesExists")).isFalse();
  }

  static List<String> namedTests(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = NAMED_TEST.matcher(text);
    while (m.find()) {
      out.add(m.group(1) + "." + m.group(2));
    }
    return out;
  }

  /** Whether a test class of that simple name declares a method of that name. */
  static boolean exists(String classDotMethod) throws IOException {
    String className = classDotMethod.substring(0, classDotMethod.indexOf('.'));
    String method = classDotMethod.substring(classDotMethod.indexOf('.') + 1);
    Pattern declaration = Pattern.compile("\\b(void|Stream<DynamicTest>)\\s+" + Pattern.quote(method) + "\\s*\\(");
    try (Stream<Path> files = Files.walk(TESTS)) {
      for (Path file : files.filter(p -> p.getFileName().toString().equals(className + ".java")).toList()) {
        if (declaration.matcher(Files.readString(file)).find()) {
          return true;
        }
      }
    }
    return false;
  }
}
