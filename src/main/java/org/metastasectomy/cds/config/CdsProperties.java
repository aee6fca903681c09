package org.metastasectomy.cds.config;


import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.metastasectomy.cds.model.Lab;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The one typed configuration tree ({@code cds.*}) and the only place its defaults are written ({@code @DefaultValue};
 * application.yaml states none). Every setting is documented in README.md, which SettingsTableTest checks against
 * this record.
 */
@Validated
@ConfigurationProperties("cds")
public record CdsProperties(
    @Valid @NotNull @DefaultValue Fhir fhir,
    @Valid @NotNull @DefaultValue Model model,
    @Valid @NotNull @DefaultValue Feedback feedback,
    @Valid @NotNull @DefaultValue Audit audit,
    @Valid @NotNull @DefaultValue Limits limits,
    @Valid @NotNull @DefaultValue Cors cors,
    @Valid @NotNull @DefaultValue Security security,
    @Valid @NotNull @DefaultValue Operator operator) {

  /**
   * The EHR's FHIR server: which may be contacted (https only; http only for a loopback host outside prod, unless
   * allowInsecureHttp), and how patiently. A GET is retried once only if the connect timeout still fits the deadline; a
   * key not fetched by the deadline, or with more pages than maxPages, is unavailable, never cut short; beyond
   * maxConcurrency threads (queue 16 times that) a key fails at once. One server may hold maxConcurrencyPerServer threads
   * (its bulkhead): 24, so that four chart opens at once fetch their six keys each without queueing behind each other
   * (at 8, four patient-views made three rounds of GETs), while a server that stops answering still leaves 8 threads.
   */
  public record Fhir(
      @DefaultValue List<String> allowedServers,
      @DefaultValue("500ms") Duration connectTimeout,
      @DefaultValue("2500ms") Duration readTimeout,
      @DefaultValue("1500ms") Duration deadline,
      @DefaultValue("3s") Duration patientViewDeadline,
      @DefaultValue("10") @Min(1) int maxPages,
      @DefaultValue("200") @Min(1) @Max(1000) int pageSize,
      @DefaultValue("4MB") DataSize maxAnswerSize,
      @DefaultValue("2000") @Min(1) int maxEntries,
      @DefaultValue("32") @Min(1) int maxConcurrency,
      @DefaultValue("24") @Min(1) int maxConcurrencyPerServer,
      @DefaultValue("5") @Min(1) int breakerMinimumCalls,
      @DefaultValue("30s") Duration breakerOpenFor,
      @DefaultValue("off") InputValidation validateInput,
      @DefaultValue("false") boolean allowInsecureHttp) {}

  /** Validation of incoming FHIR against fhir-profiles/: off, or warn (issues go to the audit; the answer never waits). */
  public enum InputValidation { OFF, WARN }

  /** Model inputs that are the hospital's choice, not the evidence's. */
  public record Model(
      @DefaultValue("90") @Min(1) int lookbackDays,
      @DefaultValue Map<Lab, SexRanges> referenceRanges) {}

  /** Reference limits by sex (FHIR administrative gender) with a fallback for any sex. */
  public record SexRanges(Range male, Range female, Range any) {}

  /** A lower and upper limit in the lab's canonical unit. */
  public record Range(Double low, Double high) {}

  /**
   * How long feedback or a documented tumour board review quiets the same recommendation for the same patient, how long
   * feedback is kept, and how long an issued card accepts feedback.
   */
  public record Feedback(
      @DefaultValue("30") @Min(0) int suppressionDays,
      @DefaultValue("365") @Min(1) int retentionDays,
      @DefaultValue("30") @Min(1) int cardRetentionDays) {
    public Feedback {
      if (retentionDays < suppressionDays) {
        throw new IllegalArgumentException("cds.feedback.retention-days (" + retentionDays + ") must be at least "
            + "cds.feedback.suppression-days (" + suppressionDays + "): feedback that quiets a card must be kept");
      }
    }
  }

  /** The audit trail of invocations. */
  public record Audit(
      @DefaultValue("") String patientHashKey,
      @DefaultValue("365") @Min(1) int retentionDays,
      @DefaultValue("false") boolean storeClinicalValues) {}

  /**
   * Limits on what a request may be, and on what all requests in flight may take together: a share of the heap
   * (bodies are counted with what their parsed forms take), and the time a body may take to arrive.
   */
  public record Limits(
      @DefaultValue("5MB") DataSize maxBody,
      @DefaultValue("100") @Min(10) int maxNestingDepth,
      @DefaultValue("1000000") @Min(1000) int maxStringLength,
      @DefaultValue("50") @Min(5) @Max(90) int inFlightHeapPercent,
      @DefaultValue("10s") Duration bodyReadTimeout) {}

  /** Browser clients such as the CDS Hooks Sandbox. */
  public record Cors(@DefaultValue("*") List<String> allowedOrigins) {}

  /**
   * The operator account for /actuator/suppression (HTTP Basic). An empty password means no operator access at all; a
   * password must have at least 16 characters.
   */
  public record Operator(@DefaultValue("operator") String username, @DefaultValue("") String password) {
    @Override
    public String toString() {
      return "Operator[username=" + username + ", password=" + (password.isEmpty() ? "(none)" : "(set)") + "]";
    }
  }

  /** Authentication of the calling EHR (issue 5). */
  public record Security(
      @DefaultValue("") String publicBaseUrl,
      @Valid @NotNull @DefaultValue Jwt jwt) {}

  /**
   * JWT verification of CDS clients (CDS Hooks §Trusting CDS Clients). Asymmetric algorithms only (RS*, PS*, ES*,
   * EdDSA): none and HS* are refused at start-up. maxLifetime is also how long a jti is remembered.
   */
  public record Jwt(
      @DefaultValue("false") boolean enabled,
      @DefaultValue List<Issuer> issuers,
      @DefaultValue({"ES384", "RS384"}) List<String> algorithms,
      @DefaultValue("60s") Duration clockSkew,
      @DefaultValue("1h") Duration maxLifetime,
      @DefaultValue("1s") Duration jwksConnectTimeout,
      @DefaultValue("2s") Duration jwksReadTimeout,
      @DefaultValue("5m") Duration jwksCacheTtl,
      @DefaultValue("30s") Duration jwksMinRefreshInterval) {}

  /** A trusted issuer and where its keys come from: exactly one of jwksUri (https) or jwksFile; tenants optional. */
  public record Issuer(String iss, String jwksUri, String jwksFile, @DefaultValue List<String> tenants) {}
}
