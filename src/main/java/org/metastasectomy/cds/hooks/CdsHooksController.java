package org.metastasectomy.cds.hooks;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.function.Supplier;
import org.metastasectomy.cds.cdshooks.CdsResponse;
import org.metastasectomy.cds.cdshooks.DiscoveryResponse;
import org.metastasectomy.cds.cdshooks.ServiceDescriptor;
import org.metastasectomy.cds.feedback.FeedbackService;
import org.metastasectomy.cds.knowledge.ServiceCatalogue;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** CDS Hooks endpoints: discovery, invocation, feedback. Translates HTTP to records and back; nothing more. */
@RestController
public class CdsHooksController {
  private final ServiceCatalogue services;
  private final HookPipeline hooks;
  private final FeedbackService feedback;
  private final JsonBodyReader bodies;
  private final PublicUrls urls;

  public CdsHooksController(ServiceCatalogue services, HookPipeline hooks, FeedbackService feedback, JsonBodyReader bodies, PublicUrls urls) {
    this.services = services;
    this.hooks = hooks;
    this.feedback = feedback;
    this.bodies = bodies;
    this.urls = urls;
  }

  @GetMapping(path = "/cds-services", produces = MediaType.APPLICATION_JSON_VALUE)
  public DiscoveryResponse discovery() {
    return new DiscoveryResponse(services.all());
  }

  @PostMapping(path = "/cds-services/{id}", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
  public CdsResponse invoke(@PathVariable String id, HttpServletRequest http) throws IOException {
    ServiceDescriptor service = services.find(id).orElseThrow(() -> unknown(id));
    Supplier<HookBody> body;
    if (http.getAttribute(RequestBodyGate.BODY) instanceof BodyReception.Received received) {
      body = () -> bodies.readHook(received.array(), received.size());
    } else {
      InputStream in = http.getInputStream();
      long length = http.getContentLengthLong();
      body = () -> new HookBody(bodies.read(in, length), null);
    }
    return hooks.invoke(service, body, urls.rulesPage(http), CallerAttributes.caller(http));
  }

  @PostMapping(path = "/cds-services/{id}/feedback", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Integer> feedback(@PathVariable String id, HttpServletRequest http) throws IOException {
    services.find(id).orElseThrow(() -> unknown(id));
    Caller caller = CallerAttributes.caller(http);
    int stored = feedback.accept(id, bodies.read(http.getInputStream(), http.getContentLengthLong()), caller.issuer(),
        caller.tenant());
    return Map.of("stored", stored);
  }

  private UnknownServiceException unknown(String id) {
    return new UnknownServiceException(id, services.all().stream().map(ServiceDescriptor::id).toList());
  }
}
