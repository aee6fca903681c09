package org.metastasectomy.cds.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Patients are stored as HMAC-SHA256(key, fhirServer + "|" + patientId): linkable for suppression, never readable. */
public final class PatientHasher {
  private final SecretKeySpec key;
  /** Mac.getInstance looks up the provider each time: one initialised Mac per thread keeps it off the hot path. */
  private final ThreadLocal<Mac> macs;

  public PatientHasher(byte[] key) {
    this.key = new SecretKeySpec(key, "HmacSHA256");
    this.macs = ThreadLocal.withInitial(this::newMac);
  }

  public String hash(String fhirServer, String patientId) {
    String subject = (fhirServer == null ? "" : fhirServer) + "|" + patientId;
    return HexFormat.of().formatHex(macs.get().doFinal(subject.getBytes(StandardCharsets.UTF_8)));
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
