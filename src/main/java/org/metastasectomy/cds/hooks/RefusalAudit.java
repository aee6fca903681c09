package org.metastasectomy.cds.hooks;

import jakarta.servlet.http.HttpServletRequest;
import org.metastasectomy.cds.audit.AuditRepository;
import org.metastasectomy.cds.audit.AuditWriter;
import org.metastasectomy.cds.knowledge.ServiceCatalogue;

/**
 * The audit row of a hook invocation that {@link RequestBodyGate} refused before the service saw it (413, 408, 503, an
 * unreadable body): every invocation of a known service leaves its row, whatever happened to it. Nothing of the body is
 * known, so the row holds the service, the status, the caller and why.
 */
public final class RefusalAudit {
  private static final String PREFIX = "/cds-services/";

  private final ServiceCatalogue services;
  private final AuditWriter audit;
  private final String modelVersion;

  public RefusalAudit(ServiceCatalogue services, AuditWriter audit, String modelVersion) {
    this.services = services;
    this.audit = audit;
    this.modelVersion = modelVersion;
  }

  void refused(HttpServletRequest request, int status, String reason, long latencyMs) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (!path.startsWith(PREFIX)) {
      return;
    }
    String id = path.substring(PREFIX.length());
    if (id.contains("/") || services.find(id).isEmpty()) {
      return; // feedback, or no such service: not a hook invocation
    }
    Caller caller = CallerAttributes.caller(request);
    audit.append(new AuditRepository.AuditEvent(null, id, status, "", modelVersion, latencyMs, caller.issuer(),
        caller.tenant(), null, "refused before the body was read in full: " + reason));
  }
}
