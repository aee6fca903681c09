package org.metastasectomy.cds.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MemoryBudgetTest {
  @Test
  void reservationsNeverExceedTheCapacityAndAreGivenBack() {
    MemoryBudget budget = new MemoryBudget(100);
    assertThat(budget.tryReserve(60)).isTrue();
    assertThat(budget.tryReserve(41)).as("would exceed").isFalse();
    assertThat(budget.reserved()).as("a refused reservation takes nothing").isEqualTo(60);
    assertThat(budget.tryReserve(40)).isTrue();
    assertThat(budget.available()).isZero();
    budget.release(100);
    assertThat(budget.available()).isEqualTo(100);
  }

  @Test
  void racingReservationsTakeExactlyWhatFits() throws Exception {
    MemoryBudget budget = new MemoryBudget(1_000);
    AtomicInteger granted = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    for (int i = 0; i < 10_000; i++) {
      pool.submit(() -> {
        if (budget.tryReserve(7)) {
          granted.incrementAndGet();
        }
      });
    }
    pool.shutdown();
    assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    assertThat(granted.get()).isEqualTo(1_000 / 7);
    assertThat(budget.reserved()).isEqualTo(1_000 / 7 * 7L);
  }

  @Test
  void aRequestIsCountedAtItsBodyTimesTheHeapFactorAndAtLeastTheMinimum() {
    assertThat(RequestBodyGate.cost(5_000_000)).isEqualTo(5_000_000L * RequestBodyGate.HEAP_PER_BODY_BYTE);
    assertThat(RequestBodyGate.cost(100)).isEqualTo(RequestBodyGate.MIN_RESERVATION);
  }
}
