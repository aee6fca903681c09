package org.metastasectomy.cds.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Patients are stored as HMAC-SHA256(key, fhirServer + "|" + patientId): linkable for suppression, never readable. */
public final class PatientHasher {
  private final SecretKeySpec key;

  public PatientHasher(byte[] key) {
    this.key = new SecretKeySpec(key, "HmacSHA256");
  }

  public String hash(String fhirServer, String patientId) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      String subject = (fhirServer == null ? "" : fhirServer) + "|" + patientId;
      return HexFormat.of().formatHex(mac.doFinal(subject.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
