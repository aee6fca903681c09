package org.metastasectomy.cds.security;

import com.nimbusds.jose.JWSAlgorithm;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The signature algorithms a hospital may allow ({@code cds.security.jwt.algorithms}). Only asymmetric families are
 * accepted: the spec forbids {@code none} and every HMAC algorithm, so configuring one stops the service at startup.
 */
public final class AlgorithmPolicy {
  private static final Set<JWSAlgorithm> ASYMMETRIC = union(JWSAlgorithm.Family.RSA, JWSAlgorithm.Family.EC, JWSAlgorithm.Family.ED);

  private AlgorithmPolicy() {}

  public static Set<JWSAlgorithm> parse(List<String> names) {
    if (names.isEmpty()) {
      throw new IllegalStateException("cds.security.jwt.algorithms is empty: name at least one, for example ES384, RS384");
    }
    Set<JWSAlgorithm> out = new LinkedHashSet<>();
    for (String name : names) {
      JWSAlgorithm alg = JWSAlgorithm.parse(name.trim());
      if (!ASYMMETRIC.contains(alg)) {
        throw new IllegalStateException("cds.security.jwt.algorithms: '" + name
            + "' is not allowed; CDS Hooks forbids none and HMAC (HS*). Use asymmetric ones such as ES384, RS384, PS384, EdDSA");
      }
      out.add(alg);
    }
    return Set.copyOf(out);
  }

  private static Set<JWSAlgorithm> union(JWSAlgorithm.Family... families) {
    Set<JWSAlgorithm> all = new LinkedHashSet<>();
    for (JWSAlgorithm.Family family : families) {
      all.addAll(family);
    }
    return Set.copyOf(all);
  }
}
