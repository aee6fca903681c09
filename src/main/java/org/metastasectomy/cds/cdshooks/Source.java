package org.metastasectomy.cds.cdshooks;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Card source: label required; url and icon absolute when present. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Source(String label, String url, String icon, Coding topic) {}
