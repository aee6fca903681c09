package org.metastasectomy.cds.hooks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.metastasectomy.cds.model.Assessment;

/**
 * The last assessments, by a digest of everything they were made from (issue 17): the prefetch exactly as sent (its
 * bytes' SHA-256), the patient id, the FHIR server, the prefetch keys that could not be had, today's date and the
 * knowledge's version. Nothing else reaches the assessment when nothing was fetched from the EHR (an assessment that
 * used fetched data is never remembered), so a hit is the assessment the same input would give again, and a different
 * patient, chart, day or knowledge can never meet another's. An EHR sends the same chart again when it is reopened
 * or ordered for; parsing and reading it again was most of a patient-view call's CPU. Cards are still built for
 * each call (fresh ids), suppression is still asked, the audit row still written. Bounded: the least recently used
 * entry goes first.
 */
final class AssessmentMemo {
  static final int CAPACITY = 256;

  private final Map<String, Assessment> recent = new LinkedHashMap<>(CAPACITY * 2, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Assessment> eldest) {
      return size() > CAPACITY;
    }
  };

  /** The key of one input; null (never remembered) without the prefetch's digest. */
  static String key(byte[] prefetchDigest, String patientId, String fhirServer, Set<String> unavailable, LocalDate today,
      String knowledgeVersion) {
    if (prefetchDigest == null) {
      return null;
    }
    MessageDigest sha = sha256();
    sha.update(prefetchDigest);
    for (String part : new String[] {patientId, fhirServer, String.join(",", new java.util.TreeSet<>(unavailable)),
        today.toString(), knowledgeVersion}) {
      byte[] bytes = part == null ? new byte[0] : part.getBytes(StandardCharsets.UTF_8);
      sha.update((byte) (part == null ? 0 : 1)); // null and "" differ; each part is length-prefixed
      sha.update(HexFormat.of().toHexDigits(bytes.length).getBytes(StandardCharsets.US_ASCII));
      sha.update(bytes);
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  /** Whether this input was assessed lately. */
  boolean has(String key) {
    if (key == null) {
      return false;
    }
    synchronized (recent) {
      return recent.containsKey(key);
    }
  }

  /** The assessment of this input: remembered, or made now (outside the lock) and remembered. */
  Assessment get(String key, Supplier<Assessment> assess) {
    if (key == null) {
      return assess.get();
    }
    Assessment known;
    synchronized (recent) {
      known = recent.get(key);
    }
    if (known != null) {
      return known;
    }
    Assessment made = assess.get();
    synchronized (recent) {
      recent.put(key, made);
    }
    return made;
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }
}
