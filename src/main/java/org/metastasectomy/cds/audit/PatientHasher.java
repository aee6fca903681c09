package org.metastasectomy.cds.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Patients are stored as HMAC-SHA256(key, issuer, tenant, fhirServer, patientId): linkable for suppression, never
 * readable. The caller (the verified JWT's issuer and tenant; none when client authentication is off) is part of the
 * key, so one EHR's feedback can never quiet a card for another EHR's patient of the same id (issue 15, finding 3).
 * Each part is length-prefixed, so no two different tuples can hash alike.
 */
public final class PatientHasher {
  private final SecretKeySpec key;
  /** Mac.getInstance looks up the provider each time: one initialised Mac per thread keeps it off the hot path. */
  private final ThreadLocal<Mac> macs;
  /**
   * The hashes of the patients seen last (a chart is opened and ordered for several times in a row): the HMAC was
   * ≈ 2 % of an order-select call's CPU (issue 17). Memory only, never logged, at most {@value #RECENT} entries.
   */
  private final Map<String, String> recent = new ConcurrentHashMap<>();
  private static final int RECENT = 1024;

  public PatientHasher(byte[] key) {
    this.key = new SecretKeySpec(key, "HmacSHA256");
    this.macs = ThreadLocal.withInitial(this::newMac);
  }

  public String hash(String issuer, String tenant, String fhirServer, String patientId) {
    String subject = part(issuer) + part(tenant) + part(fhirServer) + part(patientId);
    String known = recent.get(subject);
    if (known != null) {
      return known;
    }
    String hash = HexFormat.of().formatHex(macs.get().doFinal(subject.getBytes(StandardCharsets.UTF_8)));
    if (recent.size() >= RECENT) {
      recent.clear(); // bounded: a full map starts afresh rather than tracking which entry is oldest
    }
    recent.put(subject, hash);
    return hash;
  }

  private static String part(String value) {
    return value == null ? "-|" : value.length() + ":" + value + "|";
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
