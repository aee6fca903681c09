package org.metastasectomy.cds;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.metastasectomy.cds.config.SettingNames;

/**
 * The settings table of README.md lists every cds.* setting the application reads, with its environment
 * variable and its default; the defaults are written once, in CdsProperties (application.yaml states none).
 */
class SettingsTableTest {
  private static final String DOC = "README.md";
  private final Map<String, List<String>> rows = rows(DeploymentFiles.text(DOC));

  @Test
  void everyCdsSettingHasARowWithItsEnvironmentVariableAndDefault() {
    for (SettingNames.Leaf leaf : SettingNames.cdsLeaves()) {
      String property = documented(leaf.property());
      assertThat(rows).as("%s has a row in %s", property, DOC).containsKey(property);
      List<String> row = rows.get(property);
      assertThat(row.get(1)).as(property).isEqualTo("`" + leaf.env() + "`");
      assertThat(plain(row.get(2))).as(property + " default").isEqualTo(leaf.defaultValue().isEmpty() ? "(empty)" : leaf.defaultValue());
    }
  }

  @Test
  void everyCdsRowIsASettingTheApplicationReads() {
    List<String> known = SettingNames.cdsLeaves().stream().map(l -> documented(l.property())).toList();
    rows.keySet().stream().filter(p -> p.startsWith("cds.")).forEach(p -> assertThat(known).as(p).contains(p));
  }

  @Test
  void everySpringRowIsASpringBootSetting() {
    Set<String> spring = SettingNames.springProperties();
    rows.forEach((property, row) -> {
      if (!property.startsWith("cds.")) {
        String env = plain(row.get(1));
        assertThat(SettingNames.isSpringEnvName(env, spring)).as(env).isTrue();
        assertThat(env).isEqualTo(property.replace("-", "").replace('.', '_').toUpperCase(java.util.Locale.ROOT));
      }
    });
    assertThat(rows).containsKeys("spring.profiles.active", "spring.datasource.url", "server.port");
  }

  /** The defaults are written once, in CdsProperties: application.yaml must not state them a second time. */
  @Test
  void applicationYamlWritesNoCdsDefault() {
    assertThat(DeploymentFiles.application().has("cds")).as("application.yaml has a cds: block").isFalse();
    assertThat(SettingNames.cdsLeaves()).as("defaults declared in CdsProperties")
        .filteredOn(l -> !l.defaultValue().isEmpty()).hasSizeGreaterThan(15);
  }

  private static String documented(String property) {
    return property.replace("[n]", "[0]").replace(".*", ".<KEY>");
  }

  private static String plain(String cell) {
    return cell.replace("`", "").trim();
  }

  /** Table rows whose first cell is a `setting`, by setting: [setting, variable, default, what]. */
  private static Map<String, List<String>> rows(String markdown) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    markdown.lines().filter(l -> l.startsWith("| `")).forEach(line -> {
      String[] cells = line.substring(1, line.length() - 1).split(" \\| ", -1);
      if (cells.length >= 4 && cells[1].trim().startsWith("`")) {
        out.put(plain(cells[0]), List.of(cells[0].trim(), cells[1].trim(), cells[2].trim(), cells[3].trim()));
      }
    });
    return out;
  }
}
