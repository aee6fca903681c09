package org.metastasectomy.cds.cards;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Random (version 4) UUIDs for cards and suggestions. Unguessable, since a card uuid is what feedback refers to; drawn
 * from one SecureRandom per thread because UUID.randomUUID() shares a single, synchronised one across all requests.
 */
final class CardIds {
  private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(SecureRandom::new);

  private CardIds() {}

  static String next() {
    byte[] b = new byte[16];
    RANDOM.get().nextBytes(b);
    b[6] = (byte) ((b[6] & 0x0f) | 0x40);
    b[8] = (byte) ((b[8] & 0x3f) | 0x80);
    long msb = 0;
    long lsb = 0;
    for (int i = 0; i < 8; i++) {
      msb = (msb << 8) | (b[i] & 0xff);
      lsb = (lsb << 8) | (b[8 + i] & 0xff);
    }
    return new UUID(msb, lsb).toString();
  }
}
