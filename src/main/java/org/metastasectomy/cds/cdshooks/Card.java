package org.metastasectomy.cds.cdshooks;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** CDS Hooks card. Optional fields without a value are omitted from the JSON, never null or empty. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Card(
    String uuid,
    String summary,
    String detail,
    String indicator,
    Source source,
    List<Suggestion> suggestions,
    String selectionBehavior,
    List<Coding> overrideReasons,
    List<Link> links) {}
