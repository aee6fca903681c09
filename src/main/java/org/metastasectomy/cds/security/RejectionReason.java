package org.metastasectomy.cds.security;

/** Why a CDS client's call was refused; {@link #tag()} is the {@code reason} tag of the {@code cds.jwt.rejections} counter. */
public enum RejectionReason {
  MISSING_TOKEN("missing-token"),
  MALFORMED("malformed"),
  ALGORITHM("algorithm"),
  UNKNOWN_ISSUER("unknown-issuer"),
  JKU("jku"),
  SIGNATURE("signature"),
  KEYS_UNAVAILABLE("keys-unavailable"),
  KEY_REFRESH_LIMITED("key-refresh-limited"),
  MISSING_CLAIM("missing-claim"),
  AUDIENCE("audience"),
  EXPIRED("expired"),
  NOT_YET_VALID("not-yet-valid"),
  LIFETIME("lifetime"),
  TENANT("tenant"),
  REPLAY("replay"),
  REPLAY_STORE_UNAVAILABLE("replay-store-unavailable");

  private final String tag;

  RejectionReason(String tag) {
    this.tag = tag;
  }

  public String tag() {
    return tag;
  }
}
