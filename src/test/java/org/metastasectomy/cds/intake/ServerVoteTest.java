package org.metastasectomy.cds.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How one request's keys combine into its one vote on the circuit breaker. */
class ServerVoteTest {
  static final ServerVote FAST = ServerVote.answered(Duration.ofMillis(40));
  static final ServerVote SLOW = ServerVote.answered(Duration.ofMillis(900));

  @Test
  void anyKeyThatFailedAgainstTheServerFailsTheRequest() {
    ServerVote vote = ServerVote.ofRequest(List.of(FAST, ServerVote.failed(Duration.ofMillis(300)), SLOW, ServerVote.NOT_SENT));

    assertThat(vote.kind()).isEqualTo(ServerVote.Kind.FAILED);
    assertThat(vote.took()).isEqualTo(Duration.ofMillis(900));
  }

  @Test
  void keysAnsweredOrNotSentAreASuccessTimedByTheSlowestKey() {
    ServerVote vote = ServerVote.ofRequest(List.of(FAST, ServerVote.NOT_SENT, SLOW, FAST));

    assertThat(vote).isEqualTo(ServerVote.answered(Duration.ofMillis(900)));
  }

  @Test
  void aRequestThatSentNoKeyDoesNotVote() {
    assertThat(ServerVote.ofRequest(List.of(ServerVote.NOT_SENT, ServerVote.NOT_SENT))).isEqualTo(ServerVote.NOT_SENT);
    assertThat(ServerVote.ofRequest(List.of())).isEqualTo(ServerVote.NOT_SENT);
  }
}
