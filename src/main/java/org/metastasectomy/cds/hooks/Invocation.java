package org.metastasectomy.cds.hooks;

import java.time.LocalDate;
import java.util.Set;
import org.metastasectomy.cds.audit.InvocationTrail;
import org.metastasectomy.cds.cdshooks.CdsRequest;
import org.metastasectomy.cds.cdshooks.ServiceDescriptor;
import org.metastasectomy.cds.model.Assessment;

/** One hook call as it flows through the pipeline, with what the audit row will say about its answer. */
public final class Invocation {
  private final ServiceDescriptor service;
  private final CdsRequest request;
  private final String rulesPageUrl;
  private final InvocationTrail trail;
  private Set<String> unavailable = Set.of();
  private Assessment assessment;

  private final byte[] prefetchDigest;
  private String assessmentKey;
  private LocalDate assessmentDay;

  /** @param prefetchDigest the SHA-256 of the prefetch's bytes as sent, null when unknown (see {@link AssessmentMemo}) */
  Invocation(ServiceDescriptor service, CdsRequest request, String rulesPageUrl, InvocationTrail trail, byte[] prefetchDigest) {
    this.service = service;
    this.request = request;
    this.rulesPageUrl = rulesPageUrl;
    this.trail = trail;
    this.prefetchDigest = prefetchDigest;
  }

  byte[] prefetchDigest() {
    return prefetchDigest;
  }

  /** The key of this call's clinical input in the {@link AssessmentMemo} (null: not remembered) and the day it is for. */
  void assessmentKey(String key, LocalDate day) {
    assessmentKey = key;
    assessmentDay = day;
  }

  String assessmentKey() {
    return assessmentKey;
  }

  LocalDate assessmentDay() {
    return assessmentDay;
  }

  ServiceDescriptor service() {
    return service;
  }

  CdsRequest request() {
    return request;
  }

  String rulesPageUrl() {
    return rulesPageUrl;
  }

  InvocationTrail trail() {
    return trail;
  }

  /** The prefetch keys whose data could be had neither by prefetch nor from the EHR. */
  void resolved(Set<String> unavailableKeys) {
    unavailable = Set.copyOf(unavailableKeys);
  }

  void assessed(Assessment a) {
    assessment = a;
  }

  Set<String> unavailable() {
    return unavailable;
  }

  Assessment assessment() {
    return assessment;
  }
}
