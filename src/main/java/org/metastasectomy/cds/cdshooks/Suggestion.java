package org.metastasectomy.cds.cdshooks;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** A suggested set of actions the clinician can accept with one click. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Suggestion(String label, String uuid, Boolean isRecommended, List<Action> actions) {}
