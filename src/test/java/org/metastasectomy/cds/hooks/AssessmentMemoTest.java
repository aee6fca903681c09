package org.metastasectomy.cds.hooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.metastasectomy.cds.model.Assessment;
import org.metastasectomy.cds.support.Examples;

/**
 * The assessment memo (issue 17) is keyed on the whole clinical input, so that a remembered assessment can never be
 * shown for another patient, chart, FHIR server, day or knowledge version.
 */
class AssessmentMemoTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonBodyReader READER = new JsonBodyReader(JSON, 5_000_000, 200, 1_000_000);
  private static final byte[] DIGEST = new byte[32];
  private static final LocalDate DAY = LocalDate.of(2026, 11, 27);

  @Test
  void everyPartOfTheInputChangesTheKey() {
    byte[] otherDigest = DIGEST.clone();
    otherDigest[31] = 1;
    Set<String> keys = new HashSet<>(List.of(
        key(DIGEST, "p1", "https://ehr/fhir", Set.of(), DAY, "2026.12.0"),
        key(otherDigest, "p1", "https://ehr/fhir", Set.of(), DAY, "2026.12.0"),
        key(DIGEST, "p2", "https://ehr/fhir", Set.of(), DAY, "2026.12.0"),
        key(DIGEST, "p1", "https://ehr2/fhir", Set.of(), DAY, "2026.12.0"),
        key(DIGEST, "p1", null, Set.of(), DAY, "2026.12.0"),
        key(DIGEST, "p1", "", Set.of(), DAY, "2026.12.0"),
        key(DIGEST, "p1", "https://ehr/fhir", Set.of("observations"), DAY, "2026.12.0"),
        key(DIGEST, "p1", "https://ehr/fhir", Set.of(), DAY.plusDays(1), "2026.12.0"),
        key(DIGEST, "p1", "https://ehr/fhir", Set.of(), DAY, "2026.12.1"),
        key(DIGEST, "p1h", "ttps://ehr/fhir", Set.of(), DAY, "2026.12.0")));
    assertThat(keys).hasSize(10);
    assertThat(key(DIGEST, "p1", "https://ehr/fhir", Set.of("a", "b"), DAY, "v"))
        .isEqualTo(key(DIGEST, "p1", "https://ehr/fhir", Set.of("b", "a"), DAY, "v"));
    assertThat(key(null, "p1", "https://ehr/fhir", Set.of(), DAY, "v")).as("no digest, never remembered").isNull();
  }

  @Test
  void anInputIsAssessedOnceAndTheMemoStaysBounded() {
    AssessmentMemo memo = new AssessmentMemo();
    AtomicInteger made = new AtomicInteger();
    Assessment first = memo.get("k", () -> assessment(made));
    assertThat(memo.get("k", () -> assessment(made))).isSameAs(first);
    assertThat(made).hasValue(1);
    assertThat(memo.get(null, () -> assessment(made))).isNotSameAs(first);
    for (int i = 0; i < AssessmentMemo.CAPACITY; i++) {
      memo.get("other-" + i, () -> assessment(made));
    }
    assertThat(memo.get("k", () -> assessment(made))).as("the least recently used entry went").isNotSameAs(first);
  }

  @Test
  void theBodyReadFromMemoryIsTheSameTreeAndItsPrefetchDigestIsThatOfThePrefetchBytesAsSent() throws Exception {
    ObjectNode request = Examples.request("solitary-lung-favourable");
    byte[] body = request.toString().getBytes(StandardCharsets.UTF_8);
    HookBody read = READER.readHook(body, body.length);
    JsonNode streamed = READER.read(new ByteArrayInputStream(body), body.length);
    assertThat(read.json()).isEqualTo(streamed);
    String text = new String(body, StandardCharsets.UTF_8);
    String prefetch = request.get("prefetch").toString();
    assertThat(text).contains(prefetch);
    assertThat(read.prefetchDigest())
        .isEqualTo(MessageDigest.getInstance("SHA-256").digest(prefetch.getBytes(StandardCharsets.UTF_8)));

    ObjectNode otherInstance = request.deepCopy().put("hookInstance", "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea");
    byte[] other = otherInstance.toString().getBytes(StandardCharsets.UTF_8);
    assertThat(READER.readHook(other, other.length).prefetchDigest()).as("only the prefetch counts")
        .isEqualTo(read.prefetchDigest());
    ObjectNode changed = request.deepCopy();
    ((ObjectNode) changed.at("/prefetch/patient")).put("birthDate", "1950-01-02");
    byte[] changedBytes = changed.toString().getBytes(StandardCharsets.UTF_8);
    assertThat(READER.readHook(changedBytes, changedBytes.length).prefetchDigest()).isNotEqualTo(read.prefetchDigest());
  }

  @Test
  void aBodyReadFromMemoryIsRefusedAsTheStreamedOneIs() {
    for (String bad : List.of("", "[1]", "{} {}", "{\"a\":", "5 6")) {
      byte[] b = bad.getBytes(StandardCharsets.UTF_8);
      assertThatThrownBy(() -> READER.readHook(b, b.length)).isInstanceOf(BadRequestException.class)
          .hasMessage(messageOf(() -> READER.read(new ByteArrayInputStream(b), b.length)));
    }
    byte[] noPrefetch = "{\"hook\":\"patient-view\"}".getBytes(StandardCharsets.UTF_8);
    assertThat(READER.readHook(noPrefetch, noPrefetch.length).prefetchDigest()).isNull();
  }

  private static String messageOf(Runnable read) {
    try {
      read.run();
      return "no error";
    } catch (BadRequestException e) {
      return e.getMessage();
    }
  }

  private static String key(byte[] digest, String patient, String server, Set<String> unavailable, LocalDate day, String version) {
    return AssessmentMemo.key(digest, patient, server, unavailable, day, version);
  }

  private static Assessment assessment(AtomicInteger made) {
    made.incrementAndGet();
    return new Assessment(null, null, null, List.of(), null, null, null, List.of(), "v");
  }
}
