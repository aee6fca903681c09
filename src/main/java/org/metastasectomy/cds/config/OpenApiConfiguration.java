package org.metastasectomy.cds.config;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.metastasectomy.cds.cdshooks.CdsRequest;
import org.metastasectomy.cds.cdshooks.CdsResponse;
import org.metastasectomy.cds.cdshooks.DiscoveryResponse;
import org.metastasectomy.cds.cdshooks.FeedbackRequest;
import org.metastasectomy.cds.cdshooks.ServiceDescriptor;
import org.metastasectomy.cds.knowledge.ServiceCatalogue;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description at /v3/api-docs: the three kinds of CDS Hooks endpoint (discovery, service invocation,
 * feedback) with their request and response shapes and their errors. The endpoints read their bodies as JSON streams
 * (hooks/JsonBodyReader, for the size and depth limits), so springdoc cannot infer the bodies: they are declared here,
 * from the protocol records, and the controller stays plain.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {
  static final String OPERATION_OUTCOME = "OperationOutcome";

  @Bean
  OpenAPI cdsHooksOpenApi(ObjectProvider<BuildProperties> build) {
    String version = build.getIfAvailable() == null ? "unknown" : build.getIfAvailable().getVersion();
    return new OpenAPI().info(new Info().title("metastasectomy-cds").version(version)
        .description("CDS Hooks 2.0 service (https://cds-hooks.hl7.org/2.0/): tumour board review of metastasectomy in "
            + "metastatic renal cell carcinoma. Errors are FHIR OperationOutcome JSON with a 4xx status; with client "
            + "authentication on (cds.security.jwt.enabled) every CDS call needs the EHR's JWT, and a refused one is 401 "
            + "with an empty body."));
  }

  @Bean
  OpenApiCustomizer cdsHooksEndpoints(ServiceCatalogue services) {
    return api -> {
      Map<String, Schema> schemas = new TreeMap<>();
      if (api.getComponents().getSchemas() != null) {
        schemas.putAll(api.getComponents().getSchemas());
      }
      for (Class<?> record : List.of(CdsRequest.class, CdsResponse.class, DiscoveryResponse.class, FeedbackRequest.class)) {
        schemas.putAll(ModelConverters.getInstance().readAll(record));
      }
      describeJsonFields(schemas);
      schemas.get("FeedbackRequest").required(List.of("feedback"));
      schemas.put(OPERATION_OUTCOME, operationOutcome());
      api.getComponents().schemas(schemas);
      describe(api.getPaths().get("/cds-services"), services);
      describeInvocation(api.getPaths().get("/cds-services/{id}").getPost(), services);
      describeFeedback(api.getPaths().get("/cds-services/{id}/feedback").getPost(), services);
    };
  }

  /** Fields the records keep as raw JSON (Jackson's JsonNode), described by what the spec puts there. */
  private static void describeJsonFields(Map<String, Schema> schemas) {
    schemas.remove("JsonNode");
    Schema<?> request = schemas.get("CdsRequest").required(List.of("hook", "hookInstance", "context"));
    request.getProperties().put("context", new ObjectSchema().description("the hook's context: patientId and userId; "
        + "order-select adds draftOrders (a FHIR R4 Bundle) and selections, order-sign adds draftOrders"));
    request.getProperties().put("prefetch", new ObjectSchema().description("prefetch key (from discovery) to a FHIR R4 "
        + "resource or searchset Bundle, or null for no data; an absent key was not prefetched")
        .additionalProperties(new ObjectSchema().nullable(true)));
    schemas.get("Action").getProperties().put("resource", new ObjectSchema().description("a FHIR R4 resource"));
  }

  private static void describe(PathItem discovery, ServiceCatalogue services) {
    discovery.getGet().summary("Discovery: the CDS services offered")
        .description("CDS Hooks §Discovery. The services: " + String.join(", ", ids(services)) + ".")
        .responses(new ApiResponses().addApiResponse("200", json("the services, their hooks and prefetch templates",
            ref("DiscoveryResponse"))).addApiResponse("401", unauthorized()));
  }

  private static void describeInvocation(Operation post, ServiceCatalogue services) {
    post.summary("Call a CDS service (hook invocation)")
        .description("CDS Hooks §Calling a CDS Service. Prefetch keys that are missing, or an OperationOutcome, are "
            + "fetched from fhirServer when it is on cds.fhir.allowed-servers.")
        .parameters(List.of(serviceId(services)))
        .requestBody(new RequestBody().required(true).description("the hook request").content(jsonContent(ref("CdsRequest"))))
        .responses(new ApiResponses()
            .addApiResponse("200", json("the cards; {\"cards\": []} when the service has nothing to say", ref("CdsResponse")))
            .addApiResponse("400", error("malformed JSON, a wrong shape, or context/prefetch that cannot be read; "
                + "the issue names the field"))
            .addApiResponse("401", unauthorized())
            .addApiResponse("404", error("no service with this id; the issue lists the ids"))
            .addApiResponse("405", error("not POST; the Allow header says which method is"))
            .addApiResponse("412", error("required prefetch (patient, conditions) neither sent nor fetchable from "
                + "fhirServer; the issue names the keys"))
            .addApiResponse("408", error("the body did not arrive in full within cds.limits.body-read-timeout"))
            .addApiResponse("413", error("body larger than cds.limits.max-body"))
            .addApiResponse("415", error("Content-Type is not application/json"))
            .addApiResponse("503", error("too many large requests in flight for the memory budget; retry after the "
                + "Retry-After header's seconds")));
  }

  private static void describeFeedback(Operation post, ServiceCatalogue services) {
    Schema<?> stored = new ObjectSchema().addProperty("stored", new IntegerSchema().description("feedback items stored "
        + "now; an item already stored is not stored twice"));
    post.summary("Feedback on cards of this service")
        .description("CDS Hooks §Feedback: accepted or overridden, with the override reason, on cards this service "
            + "issued to the same caller. It quiets the same recommendation for the patient for "
            + "cds.feedback.suppression-days.")
        .parameters(List.of(serviceId(services)))
        .requestBody(new RequestBody().required(true).description("{\"feedback\": [...]}").content(jsonContent(ref("FeedbackRequest"))))
        .responses(new ApiResponses()
            .addApiResponse("200", json("stored", stored))
            .addApiResponse("400", error("malformed JSON, a wrong shape or a value too long, or a card this service did not "
                + "issue to this caller; the issue names the field, and nothing of the request is stored"))
            .addApiResponse("401", unauthorized())
            .addApiResponse("404", error("no service with this id; the issue lists the ids"))
            .addApiResponse("405", error("not POST; the Allow header says which method is"))
            .addApiResponse("408", error("the body did not arrive in full within cds.limits.body-read-timeout"))
            .addApiResponse("413", error("body larger than cds.limits.max-body"))
            .addApiResponse("415", error("Content-Type is not application/json"))
            .addApiResponse("503", error("the feedback store (database) is unavailable, or the memory budget is full; "
                + "retry later")));
  }

  private static Parameter serviceId(ServiceCatalogue services) {
    StringSchema ids = new StringSchema();
    ids.setEnum(ids(services));
    return new Parameter().in("path").name("id").required(true).schema(ids).description("the service id from discovery");
  }

  private static List<String> ids(ServiceCatalogue services) {
    return services.all().stream().map(ServiceDescriptor::id).toList();
  }

  private static Schema<?> operationOutcome() {
    Schema<?> issue = new ObjectSchema()
        .addProperty("severity", new StringSchema()._enum(List.of("error", "fatal")))
        .addProperty("code", new StringSchema().description("FHIR issue type, e.g. invalid, not-found, not-supported, too-costly"))
        .addProperty("diagnostics", new StringSchema().description("what is wrong and what to change"))
        .addProperty("expression", new ArraySchema().items(new StringSchema()).description("the request field concerned"));
    return new ObjectSchema().description("FHIR R4 OperationOutcome (CDS Hooks 2.0 §Returning OperationOutcome)")
        .addProperty("resourceType", new StringSchema()._enum(List.of(OPERATION_OUTCOME)))
        .addProperty("issue", new ArraySchema().items(issue)).required(List.of("resourceType", "issue"));
  }

  private static ApiResponse error(String description) {
    return json(description, ref(OPERATION_OUTCOME));
  }

  private static ApiResponse unauthorized() {
    return new ApiResponse().description("client authentication is on and the JWT is missing or refused (empty body)");
  }

  private static ApiResponse json(String description, Schema<?> schema) {
    return new ApiResponse().description(description).content(jsonContent(schema));
  }

  private static Content jsonContent(Schema<?> schema) {
    return new Content().addMediaType("application/json", new MediaType().schema(schema));
  }

  private static Schema<?> ref(String name) {
    return new Schema<>().$ref("#/components/schemas/" + name);
  }
}
