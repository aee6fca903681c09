package org.metastasectomy.cds.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.metastasectomy.cds.audit.AuditRetention;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One audit row per invocation, whatever its outcome, with what issue 5 asks for: hookInstance, service, time, status,
 * card uuids, model version, latency, issuer and tenant, and the patient only as a keyed hash. No clinical values by
 * default (AuditClinicalValuesIT covers the setting). Rows older than the retention are deleted.
 */
class AuditIT extends RunningService {
  @Autowired
  JdbcClient jdbc;

  @Autowired
  org.metastasectomy.cds.audit.AuditWriter auditWriter;

  @Autowired
  AuditRetention retention;

  @Test
  void anAnsweredInvocationIsAuditedWithItsCardsAndTheHashedPatient() {
    String hookInstance = UUID.randomUUID().toString();
    Instant before = Instant.now();

    Http.Reply reply = http.hook(Examples.PATIENT_VIEW, Examples.request(Examples.FAVOURABLE).put("hookInstance", hookInstance));

    Map<String, Object> row = row(hookInstance);
    assertThat(reply.status()).isEqualTo(200);
    assertThat(row.get("service_id")).isEqualTo(Examples.PATIENT_VIEW);
    assertThat(row.get("http_status")).isEqualTo(200);
    assertThat(row.get("card_uuids")).isEqualTo(reply.json().path("cards").path(0).path("uuid").asText());
    assertThat(row.get("model_version")).isEqualTo(modelVersion(reply));
    assertThat(((Number) row.get("latency_ms")).longValue()).isBetween(0L, reply.elapsed().toMillis() + 1);
    assertThat(instant(row.get("occurred_at"))).isBetween(before.minusSeconds(1), Instant.now().plusSeconds(1));
    assertThat(row.get("issuer")).isNull();
    assertThat(row.get("tenant")).isNull();
    assertThat((String) row.get("patient_hash")).matches("[0-9a-f]{64}");
    assertThat((String) row.get("detail")).isEqualTo("prefetch keys patient,conditions,observations,procedures,medications,tumorBoard")
        .doesNotContain("candidacy").doesNotContain("IMDC");
  }

  @Test
  void theSamePatientHashesAlikeAndTheRawIdIsStoredNowhere() {
    String first = UUID.randomUUID().toString();
    String second = UUID.randomUUID().toString();

    http.hook(Examples.PATIENT_VIEW, Examples.request(Examples.FAVOURABLE).put("hookInstance", first));
    http.hook(Examples.PATIENT_VIEW, Examples.request(Examples.FAVOURABLE).put("hookInstance", second));

    assertThat(row(first).get("patient_hash")).isEqualTo(row(second).get("patient_hash"));
    for (String table : List.of("audit_event", "issued_card", "feedback")) {
      for (Map<String, Object> r : jdbc.sql("SELECT * FROM " + table).query().listOfRows()) {
        assertThat(r.values()).as(table).noneMatch(v -> v != null && v.toString().contains(Examples.PATIENT_ID));
      }
    }
  }

  @Test
  void aRejectedRequestIsAuditedWithTheFieldThatWasWrong() {
    String hookInstance = UUID.randomUUID().toString();
    ObjectNode request = Examples.request(Examples.FAVOURABLE).put("hookInstance", hookInstance);
    ((ObjectNode) request.get("context")).put("userId", "not a reference");

    Http.Reply reply = http.hook(Examples.PATIENT_VIEW, request);

    Map<String, Object> row = row(hookInstance);
    assertThat(reply.status()).isEqualTo(400);
    assertThat(row.get("http_status")).isEqualTo(400);
    assertThat(row.get("card_uuids")).isIn("", null);
    assertThat((String) row.get("patient_hash")).matches("[0-9a-f]{64}");
    assertThat((String) row.get("detail")).contains("rejected context.userId");
  }

  @Test
  void badPrefetchIsAuditedAs400NamingTheKey() {
    String hookInstance = UUID.randomUUID().toString();
    ObjectNode request = Examples.request(Examples.FAVOURABLE).put("hookInstance", hookInstance);
    ((ObjectNode) request.get("prefetch")).putObject("conditions").put("resourceType", "ProcedureRequest");

    http.hook(Examples.PATIENT_VIEW, request);

    assertThat(row(hookInstance).get("http_status")).isEqualTo(400);
    assertThat((String) row(hookInstance).get("detail")).contains("rejected prefetch.conditions");
  }

  @Test
  void missingRequiredDataIsAuditedAs412WithTheUnavailableKeys() {
    String hookInstance = UUID.randomUUID().toString();

    Http.Reply reply = http.hook(Examples.PATIENT_VIEW, Examples.request(Examples.MISSING).put("hookInstance", hookInstance));

    Map<String, Object> row = row(hookInstance);
    assertThat(reply.status()).isEqualTo(412);
    assertThat(row.get("http_status")).isEqualTo(412);
    assertThat((String) row.get("detail"))
        .isEqualTo("no prefetch; unavailable conditions,patient");
  }

  @Test
  void anUnreadableBodyIsAuditedToo() {
    int before = count("http_status = 413");

    Http.Reply reply = http.post("/cds-services/" + Examples.PATIENT_VIEW, new byte[5 * 1024 * 1024 + 1], "application/json");

    assertThat(reply.status()).isEqualTo(413);
    assertThat(count("http_status = 413")).isEqualTo(before + 1);
  }

  @Test
  void rowsOlderThanTheRetentionAreDeletedAndNewerOnesKept() {
    String old = UUID.randomUUID().toString();
    String recent = UUID.randomUUID().toString();
    insert(old, FixedClock.NOW.minus(Duration.ofDays(366)));
    insert(recent, FixedClock.NOW.minus(Duration.ofDays(364)));

    int deleted = retention.purgeExpired();

    assertThat(deleted).isGreaterThanOrEqualTo(1);
    assertThat(count("hook_instance = '" + old + "'")).isZero();
    assertThat(count("hook_instance = '" + recent + "'")).isEqualTo(1);
  }

  private void insert(String hookInstance, Instant at) {
    jdbc.sql("INSERT INTO audit_event (hook_instance, service_id, occurred_at, http_status, latency_ms) VALUES (:h, 's', :at, 200, 1)")
        .param("h", hookInstance).param("at", Timestamp.from(at)).update();
  }

  private int count(String where) {
    auditWriter.flush();
    return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE " + where).query(Integer.class).single();
  }

  private Map<String, Object> row(String hookInstance) {
    auditWriter.flush();
    List<Map<String, Object>> rows = jdbc.sql("SELECT * FROM audit_event WHERE hook_instance = :h").param("h", hookInstance)
        .query().listOfRows();
    assertThat(rows).hasSize(1);
    Map<String, Object> lower = new java.util.HashMap<>();
    rows.get(0).forEach((k, v) -> lower.put(k.toLowerCase(java.util.Locale.ROOT), v));
    return lower;
  }

  /** H2 reads TIMESTAMP WITH TIME ZONE as OffsetDateTime, PostgreSQL's driver as Timestamp. */
  private static Instant instant(Object value) {
    return value instanceof java.time.OffsetDateTime o ? o.toInstant() : ((Timestamp) value).toInstant();
  }

  static String modelVersion(Http.Reply reply) {
    Matcher m = Pattern.compile("model (\\S+)\\)").matcher(reply.json().path("cards").path(0).path("source").path("label").asText());
    assertThat(m.find()).isTrue();
    return m.group(1);
  }
}
