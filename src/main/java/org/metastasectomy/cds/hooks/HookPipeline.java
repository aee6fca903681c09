package org.metastasectomy.cds.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.metastasectomy.cds.audit.HookAudit;
import org.metastasectomy.cds.audit.InvocationTrail;
import org.metastasectomy.cds.cards.IssuedCard;
import org.metastasectomy.cds.cdshooks.Card;
import org.metastasectomy.cds.cdshooks.CdsRequest;
import org.metastasectomy.cds.cdshooks.CdsResponse;
import org.metastasectomy.cds.cdshooks.ServiceDescriptor;
import org.metastasectomy.cds.knowledge.ServiceCatalogue;

/**
 * One hook invocation, as its data flow: request → the handler of the service's hook (patient record → features →
 * assessment → cards) → audit. Every invocation, answered or rejected, is timed and leaves an audit row; the database
 * is on the side: if it is down, hooks still answer.
 */
public final class HookPipeline {
  private final Map<String, HookHandler> handlers = new HashMap<>();
  private final HookAudit audit;
  private final HookMetrics metrics;

  /** @throws IllegalStateException at start-up when a service of the catalogue has a hook no handler answers */
  public HookPipeline(List<HookHandler> handlers, ServiceCatalogue services, HookAudit audit, MeterRegistry registry) {
    handlers.forEach(h -> h.hooks().forEach(hook -> this.handlers.put(hook, h)));
    services.all().forEach(s -> {
      if (!this.handlers.containsKey(s.hook())) {
        throw new IllegalStateException("service " + s.id() + ": no handler answers the '" + s.hook() + "' hook");
      }
    });
    this.audit = audit;
    this.metrics = new HookMetrics(registry);
  }

  /**
   * Reads, checks and answers one invocation. The body is read inside so that a rejected request (413, 400) still
   * gets its audit row.
   */
  public CdsResponse invoke(ServiceDescriptor service, Supplier<HookBody> body, String rulesPageUrl, Caller caller) {
    long start = System.nanoTime();
    InvocationTrail trail = audit.start(caller.issuer(), caller.tenant());
    try {
      HookBody read = body.get();
      JsonNode json = read.json();
      trail.identify(json);
      CdsRequest request = HookRequestParser.parse(json, service.hook());
      List<IssuedCard> cards = answer(new Invocation(service, request, rulesPageUrl, trail, read.prefetchDigest()));
      audit.issued(service.id(), request.hookInstance(), trail, cards);
      metrics.issued(cards);
      return new CdsResponse(cards.stream().map(IssuedCard::card).toList());
    } catch (RuntimeException e) {
      trail.failed(ErrorStatus.of(e), ErrorStatus.field(e), ErrorStatus.unavailableKeys(e));
      throw e;
    } finally {
      Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
      metrics.answered(service.id(), trail.status(), elapsed);
      audit.finish(service.id(), trail, elapsed, caller.issuer(), caller.tenant());
    }
  }

  /** Runs a request through the handler without recording anything: warms the JVM up before the service is ready. */
  List<Card> dryRun(ServiceDescriptor service, CdsRequest request, String rulesPageUrl) {
    InvocationTrail trail = audit.start(Caller.ANONYMOUS.issuer(), Caller.ANONYMOUS.tenant());
    trail.identify(request);
    return answer(new Invocation(service, request, rulesPageUrl, trail, null)).stream().map(IssuedCard::card).toList();
  }

  private List<IssuedCard> answer(Invocation call) {
    List<IssuedCard> cards = handlers.get(call.service().hook()).answer(call);
    call.trail().answered(cards, call.unavailable(), call.assessment());
    return cards;
  }
}
