package org.metastasectomy.cds.knowledge;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.metastasectomy.cds.cdshooks.DiscoveryResponse;
import org.metastasectomy.cds.cdshooks.ServiceDescriptor;

/**
 * The services this server offers, read from cds-hooks/services/discovery.json. Prefetch templates are checked at
 * start-up: only the spec's tokens ({{context.patientId}}, {{context.userId}}, {{context.encounterId}},
 * {{userPractitionerId}} …) are allowed.
 */
public final class ServiceCatalogue {
  static final String DISCOVERY = "cds-hooks/services/discovery.json";
  private static final Pattern TOKEN = Pattern.compile("\\{\\{([^}]*)}}");
  private static final Set<String> ALLOWED_TOKENS = Set.of(
      "context.patientId", "context.userId", "context.encounterId",
      "userPractitionerId", "userPractitionerRoleId", "userPatientId", "userRelatedPersonId");
  private static final Set<String> HOOKS = Set.of("patient-view", "order-select", "order-sign");

  private final List<ServiceDescriptor> services;

  private ServiceCatalogue(List<ServiceDescriptor> services) {
    this.services = List.copyOf(services);
  }

  public static ServiceCatalogue loadFromClasspath() {
    ObjectMapper json = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    try (InputStream in = ServiceCatalogue.class.getClassLoader().getResourceAsStream(DISCOVERY)) {
      if (in == null) {
        throw new KnowledgeException(DISCOVERY + " is not on the classpath");
      }
      return of(json.readValue(in, DiscoveryResponse.class).services());
    } catch (IOException e) {
      throw new KnowledgeException(DISCOVERY + " is not valid: " + e.getMessage(), e);
    }
  }

  static ServiceCatalogue of(List<ServiceDescriptor> services) {
    Set<String> ids = new HashSet<>();
    for (ServiceDescriptor s : services) {
      if (s.id() == null || !ids.add(s.id())) {
        throw new KnowledgeException("service id missing or duplicated: " + s.id());
      }
      if (!HOOKS.contains(s.hook()) || s.description() == null || s.description().isBlank()) {
        throw new KnowledgeException("service " + s.id() + " needs a supported hook and a description");
      }
      if (s.prefetch() != null) {
        s.prefetch().forEach((key, template) -> checkTemplate(s.id(), key, template));
      }
    }
    return new ServiceCatalogue(services);
  }

  private static void checkTemplate(String service, String key, String template) {
    Matcher m = TOKEN.matcher(template);
    while (m.find()) {
      if (!ALLOWED_TOKENS.contains(m.group(1).trim())) {
        throw new KnowledgeException("service " + service + " prefetch " + key + " uses a token outside the spec: " + m.group());
      }
    }
  }

  public List<ServiceDescriptor> all() {
    return services;
  }

  public Optional<ServiceDescriptor> find(String id) {
    return services.stream().filter(s -> s.id().equals(id)).findFirst();
  }
}
