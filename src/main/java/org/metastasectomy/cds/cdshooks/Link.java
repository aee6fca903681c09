package org.metastasectomy.cds.cdshooks;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Card link: type is absolute or smart; appContext only for smart links. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Link(String label, String url, String type, String appContext) {

  public static Link absolute(String label, String url) {
    return new Link(label, url, "absolute", null);
  }
}
