package org.metastasectomy.cds.hooks;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.LenientErrorHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.hl7.fhir.r4.model.Bundle;
import org.metastasectomy.cds.audit.AuditRepository;
import org.metastasectomy.cds.audit.AuditWriter;
import org.metastasectomy.cds.audit.SuppressionRepository;
import org.metastasectomy.cds.audit.PatientHasher;
import org.metastasectomy.cds.cards.CardType;
import org.metastasectomy.cds.cards.IssuedCard;
import org.metastasectomy.cds.cards.OrderCardBuilder;
import org.metastasectomy.cds.cards.TumourBoardCardBuilder;
import org.metastasectomy.cds.cdshooks.CdsRequest;
import org.metastasectomy.cds.cdshooks.CdsResponse;
import org.metastasectomy.cds.cdshooks.ServiceDescriptor;
import org.metastasectomy.cds.cdshooks.Card;
import org.metastasectomy.cds.reading.DraftOrderReader;
import org.metastasectomy.cds.intake.InputCheck;
import org.metastasectomy.cds.reading.PatientFeatureMapper;
import org.metastasectomy.cds.reading.PatientRecordReader;
import org.metastasectomy.cds.reading.PatientRecords;
import org.metastasectomy.cds.intake.PrefetchData;
import org.metastasectomy.cds.intake.PrefetchResolver;
import org.metastasectomy.cds.model.Assessment;
import org.metastasectomy.cds.model.Assessor;
import org.metastasectomy.cds.model.DraftOrder;
import org.metastasectomy.cds.model.OrderAlert;
import org.metastasectomy.cds.model.OrderRules;
import org.metastasectomy.cds.model.PatientFeatures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request pipeline: prefetch → FHIR resources → features → assessment → cards, with suppression by feedback and
 * an audit row per invocation. The database is on the side: if it is down, hooks still answer.
 */
public final class HookService {
  private static final Logger log = LoggerFactory.getLogger(HookService.class);
  /** The audit row waits this long at most for the input check (cds.fhir.validate-input); the answer never waits. */
  private static final long INPUT_CHECK_TIMEOUT_SECONDS = 60;

  private final PrefetchResolver resolver;
  private final PatientRecords records;
  private final PatientFeatureMapper mapper;
  private final Assessor assessor;
  private final OrderRules orderRules;
  private final DraftOrderReader orderReader;
  private final TumourBoardCardBuilder tumourBoardCards;
  private final OrderCardBuilder orderCards;
  private final SuppressionCheck suppressionCheck;
  private final AuditWriter audit;
  private final PatientHasher hasher;
  private final FhirContext fhir;
  private final ObjectMapper json;
  private final Clock clock;
  private final MeterRegistry metrics;
  private final boolean auditClinicalValues;
  private final InputCheck inputCheck;

  /** Collaborators of the pipeline, grouped to keep the constructor readable. */
  public record Parts(
      PrefetchResolver resolver, PatientRecords records, PatientFeatureMapper mapper, Assessor assessor, OrderRules orderRules,
      DraftOrderReader orderReader, TumourBoardCardBuilder tumourBoardCards, OrderCardBuilder orderCards,
      SuppressionRepository suppressions, AuditWriter audit, PatientHasher hasher, FhirContext fhir, ObjectMapper json,
      Clock clock, Duration suppression, MeterRegistry metrics, boolean auditClinicalValues) {}

  public HookService(Parts p) {
    this(p, InputCheck.OFF);
  }

  public HookService(Parts p, InputCheck inputCheck) {
    this.inputCheck = inputCheck;
    this.resolver = p.resolver();
    this.records = p.records();
    this.mapper = p.mapper();
    this.assessor = p.assessor();
    this.orderRules = p.orderRules();
    this.orderReader = p.orderReader();
    this.tumourBoardCards = p.tumourBoardCards();
    this.orderCards = p.orderCards();
    this.audit = p.audit();
    this.hasher = p.hasher();
    this.fhir = p.fhir();
    this.json = p.json();
    this.clock = p.clock();
    this.suppressionCheck = new SuppressionCheck(p.suppressions(), p.clock(), p.suppression());
    this.metrics = p.metrics();
    this.auditClinicalValues = p.auditClinicalValues();
  }

  /** Who called, for the audit (from the verified JWT; empty when authentication is off). */
  public record Caller(String issuer, String tenant) {
    public static final Caller ANONYMOUS = new Caller(null, null);
  }

  /**
   * Reads, checks and answers one invocation. The body is read inside so that a rejected request (413, 400) still
   * gets its audit row.
   */
  public CdsResponse invoke(ServiceDescriptor service, Supplier<JsonNode> body, String rulesPageUrl, Caller caller) {
    return audited(service, caller, trail -> {
      JsonNode json = body.get();
      trail.identify(json);
      CdsRequest request = HookRequestParser.parse(json, service.hook());
      return answer(service, request, rulesPageUrl, trail);
    });
  }

  private CdsResponse audited(ServiceDescriptor service, Caller caller, Function<InvocationAudit, CdsResponse> work) {
    long start = System.nanoTime();
    InvocationAudit trail = new InvocationAudit(hasher, caller);
    try {
      return work.apply(trail);
    } catch (RuntimeException e) {
      trail.failed(e);
      throw e;
    } finally {
      Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
      metrics.timer("cds.hook", "service", service.id(), "status", String.valueOf(trail.status())).record(elapsed);
      trail.inputCheck().completeOnTimeout("input validation: timed out", INPUT_CHECK_TIMEOUT_SECONDS, TimeUnit.SECONDS)
          .exceptionally(e -> "input validation failed")
          .thenAccept(summary -> appendAudit(service, trail, elapsed.toMillis(), caller, summary));
    }
  }

  /** Runs the pipeline without recording anything: used to warm the JVM up before the service reports ready. */
  List<Card> dryRun(ServiceDescriptor service, CdsRequest request, String rulesPageUrl) {
    InvocationAudit trail = new InvocationAudit(hasher, Caller.ANONYMOUS);
    trail.identify(request);
    return cards(service, request, rulesPageUrl, trail).stream().map(IssuedCard::card).toList();
  }

  private CdsResponse answer(ServiceDescriptor service, CdsRequest request, String rulesPageUrl, InvocationAudit trail) {
    List<IssuedCard> issued = cards(service, request, rulesPageUrl, trail);
    // counted here, not in cards(): the warm-up's dry runs are not cards anyone was shown
    issued.forEach(c -> metrics.counter("cds.cards", "type", c.type().name()).increment());
    remember(service, request, issued, trail);
    return new CdsResponse(issued.stream().map(IssuedCard::card).toList());
  }

  private List<IssuedCard> cards(ServiceDescriptor service, CdsRequest request, String rulesPageUrl, InvocationAudit trail) {
    boolean orderHook = !service.hook().equals("patient-view");
    // Cheapest question first. With the Conditions prefetched, "no RCC" is answered from the JSON alone, before the
    // draft orders are parsed; without them, irrelevant orders are answered before anything is fetched from the EHR.
    boolean conditionsPrefetched = request.prefetch().containsKey(org.metastasectomy.cds.intake.PrefetchKeys.CONDITIONS);
    List<DraftOrder> orders = orderHook && !conditionsPrefetched ? draftOrders(request) : List.of();
    if (orderHook && !conditionsPrefetched && orders.isEmpty()) {
      return List.of();
    }
    PrefetchData data = resolver.resolve(service, request);
    trail.inputCheck(inputCheck.check(data));
    PatientRecordReader record = records.read(data);
    if (!record.mayHaveRcc() || !PatientFeatureMapper.hasRcc(record.conditions())) {
      trail.answered(List.of(), data.unavailable(), null);
      return List.of();
    }
    if (orderHook && conditionsPrefetched) {
      orders = draftOrders(request);
      if (orders.isEmpty()) {
        trail.answered(List.of(), data.unavailable(), null);
        return List.of();
      }
    }
    PatientFeatures features = mapper.map(record.record(), LocalDate.now(clock));
    Assessment assessment = assessor.assess(features);
    List<IssuedCard> out = new ArrayList<>();
    if (service.hook().equals("patient-view")) {
      SuppressionCheck.Outcome quiet = assessment.applicable() ? suppressionCheck.check(assessment, trail.patientHash())
          : SuppressionCheck.Outcome.SHOWN;
      trail.suppression(quiet.note());
      if (assessment.applicable() && !quiet.quiet()) {
        out.add(tumourBoardCards.build(assessment, request.patientId(), rulesPageUrl));
      }
    } else {
      for (OrderAlert alert : orderRules.evaluate(assessment, orders)) {
        out.add(orderCards.build(alert, request.patientId(), rulesPageUrl));
      }
    }
    trail.answered(out, data.unavailable(), assessment);
    return out;
  }

  private List<DraftOrder> draftOrders(CdsRequest request) {
    JsonNode draft = request.context().get("draftOrders");
    List<String> selections = new ArrayList<>();
    request.context().path("selections").forEach(s -> selections.add(s.asText()));
    Bundle bundle;
    try {
      bundle = fhir.newJsonParser().setParserErrorHandler(new LenientErrorHandler(false))
          .parseResource(Bundle.class, json.writeValueAsString(draft));
    } catch (DataFormatException | com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new BadRequestException("context.draftOrders", "context.draftOrders is not a FHIR R4 Bundle");
    } catch (RuntimeException e) {
      // HAPI's lenient parser can fail in other ways on hostile input; any failure here is the request's fault.
      throw new BadRequestException("context.draftOrders", "context.draftOrders is not a FHIR R4 Bundle that can be read");
    }
    return orderReader.read(bundle, selections);
  }

  private void remember(ServiceDescriptor service, CdsRequest request, List<IssuedCard> issued, InvocationAudit trail) {
    try {
      for (IssuedCard c : issued) {
        audit.issued(new AuditWriter.IssuedCardRow(c.card().uuid(), c.type().name(), trail.patientHash(), service.id(),
            request.hookInstance(), trail.caller().issuer(), trail.caller().tenant()));
      }
    } catch (RuntimeException e) {
      log.warn("issued cards not recorded: database unavailable ({})", e.getClass().getSimpleName());
    }
  }

  private void appendAudit(ServiceDescriptor service, InvocationAudit trail, long latency, Caller caller, String inputValidation) {
    try {
      String detail = trail.detail(auditClinicalValues) + (inputValidation == null ? "" : "; " + inputValidation);
      audit.append(new AuditRepository.AuditEvent(trail.hookInstance(), service.id(), trail.status(), trail.cardUuids(),
          assessor.knowledge().version(), latency, caller.issuer(), caller.tenant(), trail.patientHash(), detail));
    } catch (RuntimeException e) {
      log.warn("audit row not written: database unavailable ({})", e.getClass().getSimpleName());
    }
  }
}
