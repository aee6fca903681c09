package org.metastasectomy.cds.cdshooks;

import com.fasterxml.jackson.annotation.JsonInclude;

/** CDS Hooks Coding: code and system required; display required for override reasons. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Coding(String code, String system, String display) {}
