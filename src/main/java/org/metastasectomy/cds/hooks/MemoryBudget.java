package org.metastasectomy.cds.hooks;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The heap that requests in flight may take, in bytes (issue 15, finding 2). A request reserves what it holds: the
 * bytes of its body as they arrive, then, before it is processed, its body times the factor that covers the parsed forms
 * (JSON tree, FHIR resources, cards). Nothing ever waits for the budget: a request that does not fit is answered 503 at
 * once, so a burst of large requests costs the service a few quick refusals instead of the whole heap.
 */
public final class MemoryBudget {
  private final long capacity;
  private final AtomicLong reserved = new AtomicLong();

  public MemoryBudget(long capacity) {
    this.capacity = capacity;
  }

  /** @return true when {@code bytes} were reserved; false (and nothing reserved) when they do not fit now */
  public boolean tryReserve(long bytes) {
    while (true) {
      long now = reserved.get();
      if (now + bytes > capacity) {
        return false;
      }
      if (reserved.compareAndSet(now, now + bytes)) {
        return true;
      }
    }
  }

  public void release(long bytes) {
    reserved.addAndGet(-bytes);
  }

  public long capacity() {
    return capacity;
  }

  public long reserved() {
    return reserved.get();
  }

  /** What could be reserved now (a hint: another request may take it first). */
  public long available() {
    return capacity - reserved.get();
  }
}
