package org.metastasectomy.cds.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
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

  public PatientHasher(byte[] key) {
    this.key = new SecretKeySpec(key, "HmacSHA256");
    this.macs = ThreadLocal.withInitial(this::newMac);
  }

  public String hash(String issuer, String tenant, String fhirServer, String patientId) {
    String subject = part(issuer) + part(tenant) + part(fhirServer) + part(patientId);
    return HexFormat.of().formatHex(macs.get().doFinal(subject.getBytes(StandardCharsets.UTF_8)));
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
