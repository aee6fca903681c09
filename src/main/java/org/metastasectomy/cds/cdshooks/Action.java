package org.metastasectomy.cds.cdshooks;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/** Suggestion action: create (resource), update (resource) or delete (resourceId). */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Action(String type, String description, JsonNode resource, String resourceId) {}
