package org.metastasectomy.cds.intake;

import java.time.Duration;
import java.util.Collection;

/**
 * What fetching said about a FHIR server's health, for its circuit breaker: first for one key, then for one request
 * (its keys combined), which votes once ("one request, one vote"). A 4xx is an answer (an expired token, an unknown
 * patient: the server is working); a 5xx, no connection, a read timeout, the deadline, an answer over a cap or one that
 * is not usable FHIR are failures of the server. A key never sent (refused by the bulkhead, or not started before the
 * deadline) says nothing about the server.
 *
 * @param kind the vote
 * @param took how long the server took: for a request, its slowest key that was sent (the slow-call rule)
 */
record ServerVote(Kind kind, Duration took) {
  enum Kind { NOT_SENT, ANSWERED, FAILED }

  static final ServerVote NOT_SENT = new ServerVote(Kind.NOT_SENT, Duration.ZERO);

  static ServerVote answered(Duration took) {
    return new ServerVote(Kind.ANSWERED, took);
  }

  static ServerVote failed(Duration took) {
    return new ServerVote(Kind.FAILED, took);
  }

  /** One request's vote from its keys' votes: failed if any key failed, answered if any was answered, else not sent. */
  static ServerVote ofRequest(Collection<ServerVote> keys) {
    Kind kind = Kind.NOT_SENT;
    Duration slowest = Duration.ZERO;
    for (ServerVote key : keys) {
      if (key.kind == Kind.NOT_SENT) {
        continue;
      }
      if (kind != Kind.FAILED) {
        kind = key.kind;
      }
      if (key.took.compareTo(slowest) > 0) {
        slowest = key.took;
      }
    }
    return new ServerVote(kind, slowest);
  }
}
