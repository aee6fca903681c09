package org.metastasectomy.cds.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.metastasectomy.cds.cdshooks.CdsRequest;
import org.metastasectomy.cds.cdshooks.FhirAuthorization;
import org.metastasectomy.cds.intake.FhirServerPolicy;

/** Checks a hook request's shape against the spec and the hook's context table, naming the first bad field. */
final class HookRequestParser {
  /** FHIR id: [A-Za-z0-9\-\.]{1,64}. */
  private static final Pattern FHIR_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");
  private static final Pattern TYPED_REFERENCE = Pattern.compile("[A-Z][A-Za-z]+/[A-Za-z0-9\\-.]{1,64}");
  /** A UUID in the spec; any visible ASCII up to the audit column's 100 characters is accepted (issue 15, finding 6). */
  private static final Pattern HOOK_INSTANCE = Pattern.compile("[\\x21-\\x7E]{1,100}");

  private HookRequestParser() {}

  static CdsRequest parse(JsonNode body, String expectedHook) {
    String hook = text(body, "hook", true);
    if (!hook.equals(expectedHook)) {
      throw new BadRequestException("hook", "this service answers the '" + expectedHook + "' hook, not '" + hook + "'");
    }
    String hookInstance = text(body, "hookInstance", true);
    if (!HOOK_INSTANCE.matcher(hookInstance).matches()) {
      throw new BadRequestException("hookInstance", "hookInstance must be a UUID: at most 100 visible ASCII characters");
    }
    String fhirServer = text(body, "fhirServer", false);
    if (fhirServer != null) {
      FhirServerPolicy.notABaseUrl(fhirServer).ifPresent(why -> {
        throw new BadRequestException("fhirServer", why);
      });
    }
    FhirAuthorization auth = authorization(body.get("fhirAuthorization"), fhirServer);
    JsonNode context = body.get("context");
    if (context == null || !context.isObject()) {
      throw new BadRequestException("context", "context is required and must be an object");
    }
    String patientId = text(context, "patientId", true, "context.");
    if (!FHIR_ID.matcher(patientId).matches()) {
      throw new BadRequestException("context.patientId", "context.patientId must be a FHIR id");
    }
    String userId = text(context, "userId", true, "context.");
    if (!TYPED_REFERENCE.matcher(userId).matches()) {
      throw new BadRequestException("context.userId", "context.userId must be of the form ResourceType/id");
    }
    if (hook.equals("order-select") || hook.equals("order-sign")) {
      JsonNode draft = context.get("draftOrders");
      if (draft == null || !draft.isObject() || !"Bundle".equals(draft.path("resourceType").asText())) {
        throw new BadRequestException("context.draftOrders", "context.draftOrders must be a FHIR Bundle");
      }
    }
    if (hook.equals("order-select")) {
      JsonNode selections = context.get("selections");
      if (selections == null || !selections.isArray() || selections.isEmpty()) {
        throw new BadRequestException("context.selections", "context.selections must be a non-empty array");
      }
      for (JsonNode s : selections) {
        if (!s.isTextual() || !TYPED_REFERENCE.matcher(s.asText()).matches()) {
          throw new BadRequestException("context.selections", "each selection must be of the form ResourceType/id");
        }
      }
    }
    return new CdsRequest(hook, hookInstance, fhirServer, auth, context, prefetch(body.get("prefetch")));
  }

  private static Map<String, JsonNode> prefetch(JsonNode node) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    if (node == null || node.isNull()) {
      return out;
    }
    if (!node.isObject()) {
      throw new BadRequestException("prefetch", "prefetch must be an object");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      out.put(e.getKey(), e.getValue());
    }
    return out;
  }

  private static FhirAuthorization authorization(JsonNode node, String fhirServer) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isObject()) {
      throw new BadRequestException("fhirAuthorization", "fhirAuthorization must be an object");
    }
    if (fhirServer == null) {
      throw new BadRequestException("fhirServer", "fhirServer is required when fhirAuthorization is given");
    }
    String token = text(node, "access_token", true, "fhirAuthorization.");
    String type = text(node, "token_type", false, "fhirAuthorization.");
    if (type != null && !type.equalsIgnoreCase("Bearer")) {
      throw new BadRequestException("fhirAuthorization.token_type", "fhirAuthorization.token_type must be Bearer");
    }
    JsonNode expires = node.get("expires_in");
    return new FhirAuthorization(token, type, expires != null && expires.canConvertToLong() ? expires.asLong() : null,
        text(node, "scope", false, "fhirAuthorization."), text(node, "subject", false, "fhirAuthorization."),
        text(node, "patient", false, "fhirAuthorization."));
  }

  private static String text(JsonNode node, String field, boolean required) {
    return text(node, field, required, "");
  }

  private static String text(JsonNode node, String field, boolean required, String prefix) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      if (required) {
        throw new BadRequestException(prefix + field, prefix + field + " is required");
      }
      return null;
    }
    if (!v.isTextual() || v.asText().isBlank()) {
      throw new BadRequestException(prefix + field, prefix + field + " must be a non-empty string");
    }
    return v.asText();
  }
}
